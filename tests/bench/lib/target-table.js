/**
 * The "app against its floor" tables the bundle and spreadsheet parts print and write to
 * docs/benchmarks.md, and the load line that says how busy the machine was.
 */

/** @typedef {{ measure: string, app: string, floor: string, ratio: string, target: string, result: string }} TargetRow */

const HEAD = ['measure', 'app', 'floor', 'ratio', 'target', 'result'];
/** @param {TargetRow} r */
const cells = (r) => [r.measure, r.app, r.floor, r.ratio, r.target, r.result];

/** @param {TargetRow[]} rows */
export function targetTextTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** @param {TargetRow[]} rows */
export function targetMarkdownTable(rows) {
  const bold = (/** @type {string} */ c) => (c.startsWith('FAIL') ? `**${c}**` : c);
  return [
    `| ${HEAD.join(' | ')} |`,
    `| ${HEAD.map((_, i) => (i > 0 && i < 4 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${cells(r)
          .map((c, i) => (i === 5 ? bold(c) : c))
          .join(' | ')} |`,
    ),
  ].join('\n');
}

/** The machine's load while a part ran: another job on two cores skews every figure. @param {{ load: number[], cores: number }} r */
export function loadLine(r) {
  const [a, b] = r.load;
  const busy = Math.max(a ?? 0, b ?? 0) > r.cores;
  return `Load average (1 min) ${a?.toFixed(1)} at the start, ${b?.toFixed(1)} at the end on ${r.cores} cores${busy ? ': the machine was busy with other work, so the figures are noisier than usual' : ''}.`;
}
