import { cycleRegisters, registerOf } from '../../src/domain/cycle/registry';

/** Every message key a register's declaration needs: labels, help texts, options, row fields, names. */
export function declarationKeys(): string[] {
  const keys: string[] = [];
  for (const r of cycleRegisters) {
    const def = registerOf(r.kind);
    keys.push(`cycle.${r.kind}.title`, `cycle.kind.${r.kind}`, `cycle.kinds.${r.kind}`, `cycle.intro.${r.kind}`, `cycle.section.${def.section}`);
    for (const f of [...def.fields, ...def.rows.flatMap((rows) => rows.fields)]) {
      keys.push(f.label);
      if (f.help) keys.push(f.help);
      for (const o of f.options ?? []) keys.push(`${f.optionPrefix}.${o}`);
    }
    for (const rows of def.rows) keys.push(rows.label);
  }
  return [...new Set(keys)];
}
