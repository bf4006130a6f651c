import { defineKind, refsExtra, spec, yesNo } from './define';

/** 4.1: internal and external issues that shape what the AIMS must achieve. */
export const issueKind = defineKind({
  kind: 'issue',
  section: 'context',
  refPrefix: 'CTX',
  fields: {
    origin: spec.choice('Internal or external', ['internal', 'external'], 'external'),
    category: spec.maybe('Category', ['legal', 'technology', 'market', 'social', 'environmental', 'organizational', 'other']),
    description: spec.long('Description'),
    effect: spec.long('Effect on the AIMS', true),
    response: spec.long('How the AIMS responds'),
    climateRelated: spec.maybe('Climate-related', yesNo, true, 'cycle.yesNo'),
    reviewOn: spec.date('Next review'),
  },
  tasks: [{ date: 'reviewOn', done: () => false }],
  defaultItems: ['4.1'],
  listColumns: ['origin', 'category', 'climateRelated'],
});

/** 4.2: interested parties, what they require, and whether the AIMS addresses it. */
export const partyKind = defineKind({
  kind: 'party',
  section: 'context',
  refPrefix: 'IP',
  fields: {
    category: spec.maybe('Category', [
      'customers',
      'users',
      'affected-people',
      'regulators',
      'employees',
      'suppliers',
      'partners',
      'investors',
      'society',
      'other',
    ]),
    origin: spec.choice('Internal or external', ['internal', 'external'], 'external'),
    requirements: spec.long('Relevant requirements', true),
    addressed: spec.choice('Addressed by the AIMS', ['addressed', 'partly', 'not-addressed', 'out-of-scope'], 'not-addressed'),
    how: spec.long('How they are addressed'),
    climateRelated: spec.maybe('Climate-related requirements', yesNo, false, 'cycle.yesNo'),
  },
  defaultItems: ['4.2'],
  listColumns: ['category', 'origin', 'addressed'],
});

/** 4.3: the scope builder; one per workspace. */
export const scopeKind = defineKind({
  kind: 'scope',
  section: 'context',
  refPrefix: 'SC',
  fields: {
    boundaries: spec.long('Organizational boundaries', true),
    locations: spec.long('Locations'),
    interfaces: spec.long('Interfaces and dependencies', true),
    statement: spec.long('Scope statement', true),
    approvedOn: spec.date('Approved on'),
  },
  rows: {
    exclusions: {
      column: 'Exclusions',
      fields: { what: spec.text('Excluded'), justification: spec.long('Justification') },
      summary: (r: Record<string, unknown>) => `${r.what}: ${r.justification}`,
    },
  },
  extra: { aiSystemIds: refsExtra() },
  defaultItems: ['4.3'],
  listColumns: ['approvedOn'],
  singleton: true,
});

/** 5.3 and A.3.2: who is responsible, accountable, consulted and informed for each AIMS process. */
export const raciKind = defineKind({
  kind: 'raci',
  section: 'leadership',
  refPrefix: 'RA',
  fields: {
    responsible: spec.text('Responsible'),
    accountable: spec.text('Accountable'),
    consulted: spec.text('Consulted'),
    informed: spec.text('Informed'),
    notes: spec.long('Notes'),
  },
  defaultItems: ['5.3', 'A.3.2'],
  listColumns: ['responsible', 'accountable', 'consulted', 'informed'],
});
