import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import type { ImportPlan } from '../../src/state/bundles';
import { namingContext } from '../../src/state/import-names';
import { listViews } from '../../src/ui/merge-view';
import { shippedCatalog } from '../support/catalog';

describe('the preview lists the records a register gains', () => {
  afterEach(() => vi.restoreAllMocks());

  it('by name in register order (R-2 before R-10), without a collator made or asked per comparison', () => {
    const risks = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, ref: `R-${300 - i}`, title: `Risk ${300 - i}` }));
    const sources = [new Map<string, Record<string, unknown>[]>([['risks', risks]])];
    const ctx = namingContext(sources, shippedCatalog(), presetMatrix(DEFAULT_PRESET));
    const plan = { lists: [{ table: 'risks', added: risks, updated: [], removed: [] }] } as unknown as ImportPlan;
    // localeCompare with options builds a collator on every call: 10,000 new risks took 1.5 s on the page's thread.
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    // Names that start with their ref are ordered by its number without the collator (about a microsecond a call).
    const collator = vi.spyOn(Intl.Collator.prototype, 'compare', 'get');
    const [view] = listViews(plan, () => ({ mine: ctx, theirs: ctx }));
    const added = view?.names.added();
    expect(added?.slice(0, 3)).toEqual(['R-1 Risk 1', 'R-2 Risk 2', 'R-3 Risk 3']);
    expect(added?.[9]).toBe('R-10 Risk 10');
    expect(added).toHaveLength(300);
    expect(compare).not.toHaveBeenCalled();
    expect(collator.mock.calls.length).toBeLessThan(10);
  });

  // Naming and sorting 10,000 new risks held the page for about 240 ms as the preview showed, its lists folded.
  it('counts the records at once and names them only when the list is first opened', () => {
    const risks = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, ref: `R-${i + 1}`, title: `Risk ${i + 1}` }));
    const ctx = namingContext([new Map([['risks', risks]])], shippedCatalog(), presetMatrix(DEFAULT_PRESET));
    const plan = { lists: [{ table: 'risks', added: risks, updated: [], removed: [] }] } as unknown as ImportPlan;
    const contexts = vi.fn(() => ({ mine: ctx, theirs: ctx }));
    const [view] = listViews(plan, contexts);
    expect(view?.counts).toEqual({ added: 50, updated: 0, removed: 0 });
    expect(contexts).not.toHaveBeenCalled();
    const first = view?.names.added();
    expect(first).toHaveLength(50);
    expect(view?.names.added()).toBe(first);
    expect(contexts).toHaveBeenCalledTimes(1);
  });
});
