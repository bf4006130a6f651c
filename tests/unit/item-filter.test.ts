import { describe, expect, it } from 'vitest';
import { blankAssessment, type Assessment } from '../../src/domain/assessment-schema';
import { filterItems, matchesQuery, NO_FILTER, ownersOf } from '../../src/domain/item-filter';
import { shippedCatalog } from '../support/catalog';

const catalog = shippedCatalog();
const NOW = '2026-03-01T00:00:00.000Z';
const a = (itemId: string, patch: Partial<Assessment>): [string, Assessment] => [itemId, { ...blankAssessment('ws', itemId, itemId, NOW), ...patch }];

describe('walkthrough search and filters', () => {
  it('finds items by id prefix, with or without the dot after A', () => {
    const ids = (q: string) => catalog.assessable.filter((i) => matchesQuery(i, q)).map((i) => i.id);
    expect(ids('6.1')).toEqual(['6.1.1', '6.1.2', '6.1.3', '6.1.4']);
    expect(ids('A.6.2.4')).toEqual(['A.6.2.4']);
    expect(ids('a6.2.4')).toEqual(['A.6.2.4']);
  });

  it('finds items by every word of the query in titles and guidance', () => {
    const hits = catalog.assessable.filter((i) => matchesQuery(i, 'data provenance')).map((i) => i.id);
    expect(hits).toContain('A.7.5');
    expect(hits).not.toContain('4.4');
  });

  it('filters by effective status and owner', () => {
    const answers = new Map([a('4.1', { owner: 'Ana', status: 'implemented' }), a('A.2.3', { applicable: false, owner: 'Bo' })]);
    expect(filterItems(catalog, answers, { ...NO_FILTER, status: 'not-applicable' }).map((i) => i.id)).toEqual(['A.2.3']);
    expect(filterItems(catalog, answers, { ...NO_FILTER, owner: 'Ana' }).map((i) => i.id)).toEqual(['4.1']);
    expect(filterItems(catalog, answers, { ...NO_FILTER, owner: '' })).toHaveLength(68);
    expect(filterItems(catalog, answers, NO_FILTER)).toHaveLength(70);
    expect(ownersOf(answers)).toEqual(['Ana', 'Bo']);
  });
});
