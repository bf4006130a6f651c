/** One line of a virtualised table's body: a drawn row (by its index in the sorted rows) or a gap of undrawn rows. */
export type VirtualLine = { kind: 'row'; index: number; pinned: boolean } | { kind: 'gap'; rows: number; before: number };

/**
 * The lines to draw for `count` rows: the window `first`..`last` (exclusive), and the row that has the
 * focus with one neighbour each side even when they are outside the window, so a keyboard user's row
 * never leaves the page while they scroll and Tab goes on to the row next to it. A gap stands for the
 * undrawn rows before the row at index `before` (or the end), so the scroll bar stays true.
 */
export function virtualLines(count: number, first: number, last: number, focused: number): VirtualLine[] {
  const drawn = new Set<number>();
  for (let i = first; i < last; i++) drawn.add(i);
  if (focused >= 0 && focused < count) for (let i = Math.max(0, focused - 1); i <= Math.min(count - 1, focused + 1); i++) drawn.add(i);
  const indexes = [...drawn].sort((a, b) => a - b);
  const lines: VirtualLine[] = [];
  let next = 0;
  for (const index of indexes) {
    if (index > next) lines.push({ kind: 'gap', rows: index - next, before: index });
    lines.push({ kind: 'row', index, pinned: index < first || index >= last });
    next = index + 1;
  }
  if (next < count) lines.push({ kind: 'gap', rows: count - next, before: count });
  return lines;
}
