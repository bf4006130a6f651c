import { readFile, writeFile } from 'node:fs/promises';

/**
 * @typedef {{ ms: number, count: number | null, longTasks: number[] | null, t0?: number }} Sample
 * @typedef {{ name: string, what: string, samples: Sample[] }} Measure
 * @typedef {{ measure: string, what: string, runs: number, median: number, max: number, over50: number | null, longest: number | null, count: number | null }} Row
 * @typedef {{ size: number, workload: { aiSystems: number, risks: number, ownControls: number, impactAssessments: number, seed: number }, rows: Row[] }} SizeResult
 * @typedef {{ curve: SizeResult[], load: number[], cores: number, runs: number, query: string }} ScaleResult
 * @typedef {{ target: string, measured: string, result: string }} TargetRow
 */

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * @param {Measure} m
 * @returns {Row}
 */
export function summarize(m) {
  const ms = m.samples.map((s) => s.ms);
  const tasks = m.samples.every((s) => s.longTasks !== null) ? m.samples.flatMap((s) => s.longTasks ?? []) : null;
  return {
    measure: m.name,
    what: m.what,
    runs: ms.length,
    median: Math.round(median(ms)),
    max: Math.round(Math.max(...ms)),
    over50: tasks ? tasks.filter((d) => d > 50).length : null,
    longest: tasks ? (tasks.length ? Math.max(...tasks) : 0) : null,
    count: m.samples.at(-1)?.count ?? null,
  };
}

const HEAD = ['risks', 'measure', 'median ms', 'max ms', 'tasks > 50 ms (all runs)', 'longest task ms', 'risks shown'];
const na = (/** @type {number | null} */ v) => (v === null ? 'n/a' : String(v));
/** @param {number} size @param {Row} r */
const cells = (size, r) => [String(size), r.measure, String(r.median), String(r.max), na(r.over50), na(r.longest), na(r.count)];
/** @param {ScaleResult} s */
const allCells = (s) => s.curve.flatMap((c) => c.rows.map((r) => cells(c.size, r)));

/** @param {string[][]} all @param {(i: number) => boolean} right */
function fixed(all, right) {
  const widths = (all[0] ?? []).map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (right(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(all[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** @param {string[][]} all @param {(i: number) => boolean} right */
function markdown(all, right) {
  const [head = [], ...rows] = all;
  return [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (right(i) ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
}

const numeric = (/** @type {number} */ i) => i !== 1;

/**
 * The targets, judged on the largest size (50,000 risks): reload, filter, sort, dashboard,
 * and no main-thread task over 50 ms in any measure of any size.
 * @param {ScaleResult} s @returns {TargetRow[]}
 */
export function riskTargets(s) {
  const big = s.curve.at(-1);
  if (!big) return [];
  const row = (/** @type {string} */ m) => big.rows.find((r) => r.measure === m);
  /** @type {[string, string, number][]} */
  const limits = [
    ['reload', 'reload to the count', 1000],
    ['filter', 'filter', 150],
    ['sort', 'sort by any column (slowest column)', 200],
    ['dashboard', 'dashboard after a reload, nothing changed since its last visit', 1000],
    ['dashboard changed', 'dashboard after one risk was edited and a reload (kept digests and that risk read)', 1000],
    ['dashboard next day', "dashboard on a day's first visit (the digests kept the day before, every other record read)", 1000],
  ];
  const n = big.size.toLocaleString('en');
  /** @type {TargetRow[]} */
  const out = limits.map(([m, what, limit]) => {
    const r = row(m);
    const v = r ? (m === 'sort' ? r.max : r.median) : null;
    return { target: `${what} at ${n} risks ≤ ${limit} ms`, measured: v === null ? 'n/a' : `${v} ms`, result: v !== null && v <= limit ? 'PASS' : 'FAIL' };
  });
  const cold = row('dashboard cold');
  out.push({
    target: `dashboard with nothing kept (every record read) at ${n} risks (info)`,
    measured: cold ? `${cold.median} ms` : 'n/a',
    result: 'info',
  });
  const tasks = s.curve.flatMap((c) => c.rows.map((r) => ({ size: c.size, r })));
  const over = tasks.filter((x) => (x.r.over50 ?? 0) > 0);
  const longest = Math.max(0, ...tasks.map((x) => x.r.longest ?? 0));
  out.push({
    target: 'no main-thread task > 50 ms (every measure, every size)',
    measured: `longest ${longest} ms; ${over.length} of ${tasks.length} measures saw one over 50 ms`,
    result: over.length ? 'FAIL' : 'PASS',
  });
  return out;
}

/** @param {TargetRow[]} rows */
const targetCells = (rows) => [['target', 'measured', 'result'], ...rows.map((r) => [r.target, r.measured, r.result])];

/** The measures, what each times, and the workload of every size. @param {ScaleResult} s */
export function riskWorkloadLines(s) {
  const sizes = s.curve.map((c) => `${c.size} risks with ${c.workload.aiSystems} AI systems`).join(', ');
  const what = (s.curve[0]?.rows ?? []).map((r) => `${r.measure}: ${r.what}`).join('; ');
  const [a, b] = s.load;
  return [
    `Workload: ${sizes}; 200 own controls and 25 impact assessments each (generateWorkspace seed 42); ${s.runs} runs after one warm-up; query "${s.query}".`,
    `Measures: ${what}.`,
    `Load average (1 min) ${a?.toFixed(1)} at the start, ${b?.toFixed(1)} at the end on ${s.cores} cores.`,
  ];
}

/** The terminal's tables. @param {ScaleResult} s */
export function riskText(s) {
  return `${fixed([HEAD, ...allCells(s)], numeric)}\n\n${fixed(targetCells(riskTargets(s)), () => false)}`;
}

/**
 * Replaces the "latest results" block of docs/benchmarks.md and adds a line to its history.
 * @param {string} file
 * @param {{ date: string, machine: string, result: ScaleResult }} run
 */
export async function updateDoc(file, run) {
  const s = run.result;
  const big = s.curve.at(-1);
  const m = (/** @type {string} */ name, /** @type {'median' | 'max'} */ k = 'median') => big?.rows.find((r) => r.measure === name)?.[k] ?? 'n/a';
  const targets = riskTargets(s);
  const passed = `${targets.filter((t) => t.result === 'PASS').length} / ${targets.length}`;
  const entry = `| ${run.date} | ${big?.size ?? 'n/a'} | ${m('open')} | ${m('filter')} | ${m('reload')} | ${m('sort', 'max')} | ${m('dashboard')} | ${passed} | ${run.machine} |`;
  await replaceBlock(file, {
    results: () =>
      `\n\nRun on ${run.date}. ${run.machine}\n\n${riskWorkloadLines(s).join('\n\n')}\n\n${markdown([HEAD, ...allCells(s)], numeric)}\n\n` +
      `${markdown(
        targetCells(targets).map((r) => r.map((c) => (c === 'FAIL' ? '**FAIL**' : c))),
        () => false,
      )}\n\n`,
    history: (old) => {
      const lines = old.split('\n').filter((l) => l.startsWith('|'));
      const [head = '', rule = '', ...past] = lines;
      return `\n${[head, rule, entry, ...past].join('\n')}\n`;
    },
  });
}

/**
 * Rewrites the text between `<!-- name:start -->` and `<!-- name:end -->` for each named block.
 * @param {string} file
 * @param {Record<string, (old: string) => string>} blocks
 */
export async function replaceBlock(file, blocks) {
  let doc = await readFile(file, 'utf8');
  for (const [name, change] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const i = doc.indexOf(start);
    const j = doc.indexOf(end);
    if (i < 0 || j < i) throw new Error(`${file} lacks the ${start} … ${end} markers`);
    doc = doc.slice(0, i + start.length) + change(doc.slice(i + start.length, j)) + doc.slice(j);
  }
  await writeFile(file, doc);
}
