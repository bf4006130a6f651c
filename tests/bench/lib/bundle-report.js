import { median, replaceBlock } from './report.js';
import { loadLine, targetMarkdownTable } from './target-table.js';

/** @typedef {import('./bundle-bench.js').BundleResult} BundleResult */
/** @typedef {import('./target-table.js').TargetRow} BundleRow */

/** exportRatio: issue 19's export target against the JSZip floor; fflateRatio: against the fflate floor. */
export const TARGETS = { timeRatio: 1.5, exportRatio: 0.7, fflateRatio: 1, heapRatio: 3, longTaskMs: 200, shortTaskMs: 50 };

/** Issue 19's import target: the whole import (check + write) in at most the floor's time. */
export const IMPORT_TARGET_RATIO = 1;

const MiB = 2 ** 20;
const mib = (/** @type {number} */ n) => `${(n / MiB).toFixed(1)} MiB`;
const ms = (/** @type {number} */ n) => `${Math.round(n)} ms`;
const pass = (/** @type {boolean} */ ok) => (ok ? 'PASS' : 'FAIL');

/**
 * The figures the table and the history are made of: medians over the runs for times, the worst
 * run for heap and long tasks.
 * @param {BundleResult} r
 */
export function bundleFigures(r) {
  const tasks = (/** @type {(number[] | null)[]} */ lists) => (lists.every((l) => l !== null) ? Math.max(0, ...lists.flatMap((l) => l ?? [])) : null);
  const over = (/** @type {(number[] | null)[]} */ lists, limit = TARGETS.longTaskMs) =>
    lists.every((l) => l !== null) ? lists.flatMap((l) => l ?? []).filter((d) => d > limit).length : null;
  const exportApp = median(r.exports.map((e) => e.app.ms));
  const exportFloor = median(r.exports.map((e) => e.floorMs));
  // Ratios pair each run's app figure with the floor measured right after it, so a machine that
  // gets busier or quieter during the run moves both sides; the median of those ratios is reported.
  const exportRatio = median(r.exports.map((e) => e.app.ms / e.floorMs));
  const exportFflate = median(r.exports.map((e) => e.fflateMs));
  const exportFflateRatio = median(r.exports.map((e) => e.app.ms / e.fflateMs));
  const importRatio = median(r.imports.map((i) => (i.check.ms + i.write.ms) / i.floor.ms));
  const check = median(r.imports.map((i) => i.check.ms));
  const write = median(r.imports.map((i) => i.write.ms));
  const importApp = median(r.imports.map((i) => i.check.ms + i.write.ms));
  const importFloor = median(r.imports.map((i) => i.floor.ms));
  const heapJs = Math.max(...r.imports.map((i) => i.heap.peakJs - i.heap.baselineJs));
  const heapAll = Math.max(...r.imports.map((i) => i.heap.peakAll - i.heap.baselineAll));
  const floorHeapJs = Math.max(...r.imports.map((i) => i.floorHeap.peakJs - i.floorHeap.baselineJs));
  const floorHeapAll = Math.max(...r.imports.map((i) => i.floorHeap.peakAll - i.floorHeap.baselineAll));
  return {
    exportApp,
    exportWall: median(r.exports.map((e) => e.wallMs)),
    exportFloor,
    exportFloorRead: median(r.exports.map((e) => e.floorReadMs)),
    exportRatio,
    exportFflate,
    exportFflateRatio,
    check,
    write,
    importApp,
    importFloor,
    importFloorParse: median(r.imports.map((i) => i.floor.parseMs)),
    importFloorWrite: median(r.imports.map((i) => i.floor.writeMs)),
    importRatio,
    heapJs,
    heapAll,
    floorHeapJs,
    floorHeapAll,
    heapRatio: heapJs / r.bundleBytes,
    heapAllRatio: heapAll / r.bundleBytes,
    longestExport: tasks(r.exports.map((e) => e.app.longTasks)),
    longestImport: tasks(r.imports.flatMap((i) => [i.check.longTasks, i.write.longTasks])),
    overExport: over(r.exports.map((e) => e.app.longTasks)),
    overImport: over(r.imports.flatMap((i) => [i.check.longTasks, i.write.longTasks])),
    longestCheck: tasks(r.imports.map((i) => i.check.longTasks)),
    longestWrite: tasks(r.imports.map((i) => i.write.longTasks)),
    // Issue 19's target: no task over 50 ms (counted over every run).
    over50Export: over(
      r.exports.map((e) => e.app.longTasks),
      TARGETS.shortTaskMs,
    ),
    over50Check: over(
      r.imports.map((i) => i.check.longTasks),
      TARGETS.shortTaskMs,
    ),
    over50Write: over(
      r.imports.map((i) => i.write.longTasks),
      TARGETS.shortTaskMs,
    ),
  };
}

/** @param {BundleResult} r @returns {BundleRow[]} */
export function bundleRows(r) {
  const f = bundleFigures(r);
  const x = (/** @type {number} */ n) => `${n.toFixed(2)}×`;
  const task = (/** @type {number | null} */ n, /** @type {number | null} */ k, /** @type {number | null} */ k50) =>
    n === null ? 'n/a' : `${n} ms (${k} over ${TARGETS.longTaskMs} ms, ${k50} over ${TARGETS.shortTaskMs} ms)`;
  // The target is 200 ms; issue 19's 50 ms is said beside it (it does not make the run FAIL).
  const taskResult = (/** @type {number | null} */ n) =>
    n === null ? 'n/a' : `${pass(n <= TARGETS.longTaskMs)}; ${n <= TARGETS.shortTaskMs ? 'within' : 'over'} ${TARGETS.shortTaskMs} ms`;
  const taskTarget = `≤ ${TARGETS.longTaskMs} ms (issue 19: ≤ ${TARGETS.shortTaskMs} ms)`;
  // The import's rows hold issue 19's target: no main-thread task over 50 ms, the tasks over it counted.
  const task50 = (/** @type {number | null} */ n, /** @type {number | null} */ k50) => (n === null ? 'n/a' : `${n} ms (${k50} over ${TARGETS.shortTaskMs} ms)`);
  const task50Result = (/** @type {number | null} */ n) => (n === null ? 'n/a' : pass(n <= TARGETS.shortTaskMs));
  const task50Target = `≤ ${TARGETS.shortTaskMs} ms (issue 19)`;
  const sum = (/** @type {(number | null)[]} */ ns) => (ns.some((n) => n === null) ? null : ns.reduce((a, b) => (a ?? 0) + (b ?? 0), 0));
  const heapBound = `< ${TARGETS.heapRatio}× bundle (${mib(TARGETS.heapRatio * r.bundleBytes)})`;
  // A run at another risk count than the usual 10,000 (BENCH_BUNDLE_RISKS) says so in its rows' names.
  const at = r.workload.risks === 10_000 ? '' : ` at ${r.workload.risks.toLocaleString('en')} risks`;
  return [
    {
      measure: `export: click "Export" → download, vs JSZip floor${at}`,
      app: ms(f.exportApp),
      floor: ms(f.exportFloor),
      ratio: x(f.exportRatio),
      target: `≤ ${TARGETS.exportRatio}× JSZip floor`,
      result: pass(f.exportRatio <= TARGETS.exportRatio),
    },
    {
      measure: `export vs fflate floor${at}`,
      app: ms(f.exportApp),
      floor: ms(f.exportFflate),
      ratio: x(f.exportFflateRatio),
      target: `≤ ${TARGETS.fflateRatio.toFixed(1)}× fflate floor`,
      result: pass(f.exportFflateRatio <= TARGETS.fflateRatio),
    },
    {
      measure: `export floor incl. one Dexie read (info)${at}`,
      app: ms(f.exportApp),
      floor: ms(f.exportFloor + f.exportFloorRead),
      ratio: x(f.exportApp / (f.exportFloor + f.exportFloorRead)),
      target: '—',
      result: 'info',
    },
    {
      measure: `import part 1: "Check the file" → preview${at}`,
      app: ms(f.check),
      floor: `${ms(f.importFloorParse)} (load + parse)`,
      ratio: x(f.check / f.importFloorParse),
      target: '—',
      result: 'info',
    },
    {
      measure: `import part 2: "Import" → dashboard${at}`,
      app: ms(f.write),
      floor: `${ms(f.importFloorWrite)} (bulkPut)`,
      ratio: x(f.write / f.importFloorWrite),
      target: '—',
      result: 'info',
    },
    {
      measure: `import total (check + write)${at}`,
      app: ms(f.importApp),
      floor: ms(f.importFloor),
      ratio: x(f.importRatio),
      target: `≤ ${IMPORT_TARGET_RATIO.toFixed(1)}× floor (issue 19)`,
      result: pass(f.importRatio <= IMPORT_TARGET_RATIO),
    },
    {
      measure: `peak JS heap during import, page (V8 heap)${at}`,
      app: `+${mib(f.heapJs)}`,
      floor: `+${mib(f.floorHeapJs)}`,
      ratio: `${x(f.heapRatio)} bundle`,
      target: heapBound,
      result: pass(f.heapRatio < TARGETS.heapRatio),
    },
    {
      measure: `peak JS memory during import, page + worker, incl. ArrayBuffers (info)${at}`,
      app: `+${mib(f.heapAll)}`,
      floor: `+${mib(f.floorHeapAll)}`,
      ratio: `${x(f.heapAllRatio)} bundle`,
      target: heapBound,
      result: f.heapAllRatio < TARGETS.heapRatio ? `info: under ${TARGETS.heapRatio}×` : `info: over ${TARGETS.heapRatio}×`,
    },
    {
      measure: `longest main-thread task, export${at}`,
      app: task(f.longestExport, f.overExport, f.over50Export),
      floor: '—',
      ratio: '—',
      target: taskTarget,
      result: taskResult(f.longestExport),
    },
    {
      measure: `longest main-thread task, import${at}`,
      app: task50(f.longestImport, sum([f.over50Check, f.over50Write])),
      floor: '—',
      ratio: '—',
      target: task50Target,
      result: task50Result(f.longestImport),
    },
    {
      measure: `longest main-thread task, import part 1: check → preview${at}`,
      app: task50(f.longestCheck, f.over50Check),
      floor: '—',
      ratio: '—',
      target: task50Target,
      result: task50Result(f.longestCheck),
    },
    {
      measure: `longest main-thread task, import part 2: write → dashboard${at}`,
      app: task50(f.longestWrite, f.over50Write),
      floor: '—',
      ratio: '—',
      target: task50Target,
      result: task50Result(f.longestWrite),
    },
  ];
}

/** @param {BundleResult} r */
export function bundleWorkloadLine(r) {
  const w = r.workload;
  return (
    `${w.risks} risks and ${w.otherRecords} other records (${w.aiSystems} AI systems, ${w.ownControls} own controls, ${w.impactAssessments} impact assessments, ` +
    `${r.counts.assessments ?? '?'} walkthrough answers, ${r.counts.evidence ?? '?'} evidence records), ${w.files} evidence files totalling ${mib(r.fileBytes)} ` +
    `(PRNG bytes; ${r.storedFiles} of already-compressed types, stored; ${w.files - r.storedFiles} others, deflated by the floors, of which the app stores the random JSON and octet-stream ones, whose samples do not shrink); bundle ${mib(r.bundleBytes)}. Median of ${r.runs} runs for times, worst run for heap and long tasks.`
  );
}

/** Per-run figures, for the terminal. @param {BundleResult} r */
export function bundleRunLines(r) {
  return [
    ...r.exports.map(
      (e, i) =>
        `export run ${i + 1}: app ${ms(e.app.ms)} (wall ${ms(e.wallMs)}), floor JSZip ${ms(e.floorMs)} (${(e.app.ms / e.floorMs).toFixed(2)}×), fflate ${ms(e.fflateMs)} (${(e.app.ms / e.fflateMs).toFixed(2)}×) + read ${ms(e.floorReadMs)}, long tasks [${e.app.longTasks?.join(', ') ?? 'n/a'}]`,
    ),
    ...r.imports.map(
      (i, k) =>
        `import run ${k + 1}: check ${ms(i.check.ms)} [${i.check.longTasks?.join(', ') ?? 'n/a'}], write ${ms(i.write.ms)} [${i.write.longTasks?.join(', ') ?? 'n/a'}], ` +
        `heap +${mib(i.heap.peakJs - i.heap.baselineJs)} / all +${mib(i.heap.peakAll - i.heap.baselineAll)} (${i.heap.samples} samples); floor ${ms(i.floor.ms)} (parse ${ms(i.floor.parseMs)}, write ${ms(i.floor.writeMs)})`,
    ),
  ];
}

/**
 * Replaces the bundle results block of docs/benchmarks.md and adds a line to its history.
 * @param {string} file
 * @param {{ date: string, machine: string, result: BundleResult }} run
 */
export async function updateBundleDoc(file, run) {
  const rows = bundleRows(run.result);
  const f = bundleFigures(run.result);
  const failed = rows.filter((r) => r.result.startsWith('FAIL')).map((r) => r.measure);
  const verdict = failed.length ? `**FAIL**: ${failed.join('; ')}.` : 'All targets met.';
  const entry =
    `| ${run.date} | ${Math.round(f.exportApp)} / ${Math.round(f.exportFloor)} (${f.exportRatio.toFixed(2)}×) | ${Math.round(f.importApp)} / ${Math.round(f.importFloor)} (${f.importRatio.toFixed(2)}×) ` +
    `| ${f.heapRatio.toFixed(2)}× (${f.heapAllRatio.toFixed(2)}×) | ${f.longestExport ?? 'n/a'} / ${f.longestImport ?? 'n/a'} | ${run.machine} |`;
  const results = () =>
    `\n\nRun on ${run.date}. ${run.machine} ${loadLine(run.result)}\n\nWorkload: ${bundleWorkloadLine(run.result)}\n\n${targetMarkdownTable(rows)}\n\n${verdict}\n\n`;
  // Another size (BENCH_BUNDLE_RISKS) has its own block and leaves the 10,000-risk results and history as they are.
  if (run.result.workload.risks !== 10_000) {
    await replaceBlock(file, { 'bundle-scale-results': results });
    return;
  }
  await replaceBlock(file, {
    'bundle-results': results,
    'bundle-history': (old) => {
      const lines = old.split('\n').filter((l) => l.startsWith('|'));
      const [head = '', rule = '', ...past] = lines;
      return `\n${[head, rule, entry, ...past].join('\n')}\n`;
    },
  });
}
