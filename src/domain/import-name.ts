/** The longest workspace name (workspaceNameSchema). */
const MAX = 120;

const key = (name: string) => name.trim().toLocaleLowerCase();

/**
 * The name a bundle imported as a new workspace is proposed. Beside a workspace of the same name
 * (a client's bundle next to the original), two identical names could not be told apart in the
 * list, the menu or the browser's tabs, so it gets `label(name)` ("Acme (imported 2031-05-02)"),
 * numbered when that too is taken; the name is shortened so the whole stays within 120 characters.
 */
export function proposeImportName(name: string, existing: readonly string[], label: (name: string) => string): string {
  const taken = new Set(existing.map(key));
  if (!taken.has(key(name))) return name;
  for (let n = 1; ; n++) {
    const extra = n === 1 ? '' : ` (${n})`;
    const candidate = fit(name.trim(), label, extra);
    if (!taken.has(key(candidate))) return candidate;
  }
}

function fit(name: string, label: (name: string) => string, extra: string): string {
  if ((label(name) + extra).length <= MAX) return label(name) + extra;
  // Whole characters off the end (never half of a surrogate pair), then an ellipsis.
  let chars = [...name];
  while (chars.length > 1 && (label(`${chars.join('').trimEnd()}…`) + extra).length > MAX) chars = chars.slice(0, -1);
  return label(`${chars.join('').trimEnd()}…`) + extra;
}
