import type { FieldDef } from '../domain/fields';
import type { FieldSpec } from '../domain/register';
import type { RefTarget } from '../domain/value-kinds';

/**
 * How an editor section shows its declared fields, in declaration order: runs of plain fields
 * through the generic field inputs, a list of references as a picker, a likelihood and the impact
 * after it as one rating on the matrix.
 */
export type Segment =
  | { kind: 'plain'; key: string; fields: FieldDef[] }
  | { kind: 'refs'; key: string; target: RefTarget; field: FieldSpec & { key: string } }
  | { kind: 'rating'; key: string; likelihood: string; impact: string };

export function segments(fields: readonly (FieldSpec & { key: string })[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = f.value;
    if (f.input && !f.readOnly) {
      const def: FieldDef = { key: f.key, label: f.label, column: f.column ?? f.key, ...f.input };
      const last = out[out.length - 1];
      if (last?.kind === 'plain') last.fields.push(def);
      else out.push({ kind: 'plain', key: f.key, fields: [def] });
    } else if (v.kind === 'refs') {
      out.push({ kind: 'refs', key: f.key, target: v.target, field: f });
    } else if (v.kind === 'rating' && v.scale === 'probability') {
      const next = fields[i + 1];
      if (next?.value.kind !== 'rating' || next.value.scale !== 'impact') throw new Error(`rating ${f.key} needs its impact after it`);
      out.push({ kind: 'rating', key: f.key, likelihood: f.key, impact: next.key });
      i += 1;
    } else {
      throw new Error(`no editor for ${f.key} (${v.kind})`);
    }
  }
  return out;
}
