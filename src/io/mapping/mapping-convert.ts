import type { Problem } from '../../domain/problem';
import { cellExactText, cellText, parseDateCell, splitCell } from './mapping-cells';
import { targetOptions, type MappingTarget, type OptionContext } from './mapping-targets';
import { normValue } from './mapping-text';
import { hasValue, type MappedValue, type ValueMap } from './mapping-values';
import type { CellValue } from '../sheets/sheet-cells';
import { refused } from '../sheets/sheet-problem-text';

/** One cell of a mapped column as a field value. */

export interface ConvertContext extends OptionContext {
  /** Annex A control ids of the catalog ("A.6.2.4"). */
  controlIds: ReadonlySet<string>;
}

/** A value, or what is wrong with the cell (a `mapping-` code, worded as mapping.problem.*). */
type Converted = { ok: true; value?: unknown } | { ok: false; problem: Problem };

function mapped(target: MappingTarget, map: ValueMap, text: string, ctx: OptionContext): { ok: true; value: MappedValue } | { ok: false } {
  const key = normValue(text);
  if (!hasValue(map, key)) return { ok: false };
  const value = map[key]!;
  if (value === null) return { ok: true, value };
  const allowed = targetOptions(target, ctx).some((o) => o.value === value);
  return allowed ? { ok: true, value } : { ok: false };
}

function controlId(text: string): string {
  const s = text.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  return s.replace(/^A(?=\d)/, 'A.').replace(/^(?=\d)/, 'A.');
}

/** undefined value: leave the field as a new record has it. */
export function convertCell(target: MappingTarget, cell: CellValue, map: ValueMap, ctx: ConvertContext): Converted {
  const label = target.label;
  switch (target.kind) {
    case 'date': {
      const d = parseDateCell(cell);
      if (!d.ok) return refused('mapping-date', { value: cellText(cell) });
      return d.value === null ? { ok: true } : { ok: true, value: d.value };
    }
    case 'enum':
    case 'level': {
      const text = cellText(cell);
      if (!text) return { ok: true };
      const m = mapped(target, map, text, ctx);
      if (!m.ok) return refused('mapping-unmapped', { value: text, field: label });
      return m.value === null ? { ok: true } : { ok: true, value: m.value };
    }
    case 'multi-enum':
    case 'systems': {
      const values: MappedValue[] = [];
      for (const part of splitCell(cell)) {
        const m = mapped(target, map, part, ctx);
        if (!m.ok) return refused('mapping-unmapped', { value: part, field: label });
        if (m.value !== null && !values.includes(m.value)) values.push(m.value);
      }
      if (values.length === 0) return { ok: true };
      // Multi-enum values keep the declaration's order, as the editor writes them.
      return { ok: true, value: target.kind === 'multi-enum' ? (target.field?.options ?? []).filter((o) => values.includes(o)) : values };
    }
    case 'controls': {
      const ids: string[] = [];
      for (const part of splitCell(cell)) {
        const id = controlId(part);
        if (!ctx.controlIds.has(id)) return refused('mapping-control', { value: part });
        if (!ids.includes(id)) ids.push(id);
      }
      return ids.length > 0 ? { ok: true, value: ids } : { ok: true };
    }
    default: {
      // Text is stored byte for byte; only a cell of white space alone is left empty.
      const text = cellExactText(cell);
      if (!text.trim()) return { ok: true };
      const max = target.field?.maxLength;
      if (max && text.length > max) return refused('mapping-too-long', { length: text.length, max });
      return { ok: true, value: text };
    }
  }
}
