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
    const [view] = listViews(plan, { mine: ctx, theirs: ctx });
    expect(view?.added.slice(0, 3)).toEqual(['R-1 Risk 1', 'R-2 Risk 2', 'R-3 Risk 3']);
    expect(view?.added[9]).toBe('R-10 Risk 10');
    expect(view?.added).toHaveLength(300);
    expect(compare).not.toHaveBeenCalled();
    expect(collator.mock.calls.length).toBeLessThan(10);
  });
});
