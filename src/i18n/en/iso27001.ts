/** The ISO/IEC 27001:2022 crosswalk, the "we run an ISMS" option and evidence linked to several items (issue 17 §6). */
export const iso27001Messages = {
  'iso27001.heading': 'ISO/IEC 27001:2022',
  'iso27001.none': 'No ISO/IEC 27001 clause or control overlaps with this item.',
  'iso27001.clause': 'Clause {id}',
  'iso27001.control': 'Control {id}',
  'iso27001.basis': 'Why: {basis}',

  'iso27001.coverage.intro':
    'Where your implemented items meet ISO/IEC 27001:2022 clauses and Annex A controls, in our own judgement. Only the clauses and controls that overlap with an ISO/IEC 42001 item are listed.',
  'iso27001.coverage.summary':
    '{touched} of {total} related clauses and controls touched by implemented items, {inProgress} only by items in progress, {untouched} not touched.',
  'iso27001.coverage.notMapped':
    'The other {count} Annex A controls (physical security, networks, access and the like) do not overlap with an AI management system item and are not listed.',
  'iso27001.coverage.clauses': 'Clauses 4–10',
  'iso27001.coverage.theme': 'Annex A {id}: {title}',
  'iso27001.coverage.untouched': 'Related clauses and controls not touched yet',
  'iso27001.sources':
    'ISO/IEC 27001:2022: clause and Annex A control numbers and titles only, as identifiers. The relationships and their reasons are our own.',
} as const;
