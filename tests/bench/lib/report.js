import { readFile, writeFile } from 'node:fs/promises';

/**
 * @typedef {{ ms: number, count: number | null, longTasks: number[] | null }} Sample
 * @typedef {{ name: string, what: string, samples: Sample[] }} Measure
 * @typedef {{ measure: string, what: string, runs: number, median: number, max: number, over200: number | null, longest: number | null, count: number | null }} Row
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
    over200: tasks ? tasks.filter((d) => d > 200).length : null,
    longest: tasks ? (tasks.length ? Math.max(...tasks) : 0) : null,
    count: m.samples.at(-1)?.count ?? null,
  };
}

const HEAD = ['measure', 'median ms', 'max ms', 'long tasks > 200 ms (all runs)', 'longest task ms', 'risks shown', 'what'];

/** @param {Row} r */
function cells(r) {
  const na = (/** @type {number | null} */ v) => (v === null ? 'n/a' : String(v));
  return [r.measure, String(r.median), String(r.max), na(r.over200), na(r.longest), na(r.count), r.what];
}

/** A fixed-width table for the terminal. @param {Row[]} rows */
export function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (i > 0 && i < 6 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** @param {Row[]} rows */
function markdownTable(rows) {
  return [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (i > 0 && i < 6 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
  ].join('\n');
}

/**
 * Replaces the "latest results" block of docs/benchmarks.md and adds a line to its history.
 * @param {string} file
 * @param {{ date: string, machine: string, workload: string, rows: Row[] }} run
 */
export async function updateDoc(file, run) {
  const open = run.rows.find((r) => r.measure === 'open');
  const filter = run.rows.find((r) => r.measure === 'filter');
  const entry = `| ${run.date} | ${open?.median ?? 'n/a'} | ${filter?.median ?? 'n/a'} | ${run.rows.map((r) => r.over200 ?? 'n/a').join(' / ')} | ${run.machine} |`;
  await replaceBlock(file, {
    results: () => `\n\nRun on ${run.date}. ${run.machine}\n\nWorkload: ${run.workload}\n\n${markdownTable(run.rows)}\n\n`,
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
