/** The ISO/IEC 27001:2022 crosswalk, the "we run an ISMS" option and evidence linked to several items (issue 17 §6). */
export const iso27001Messages = {
  'iso27001.heading': 'ISO/IEC 27001:2022',
  'iso27001.none': 'No ISO/IEC 27001 clause or control overlaps with this item.',
  'iso27001.clause': 'Clause {id}',
  'iso27001.control': 'Control {id}',

  'iso27001.coverage.intro':
    'Where your implemented items meet ISO/IEC 27001:2022 clauses and Annex A controls, in our own judgement. Only the clauses and controls that overlap with an ISO/IEC 42001 item are listed.',
  'iso27001.coverage.summary':
    '{touched} of {total, plural, one {# related clause or control} other {# related clauses and controls}} touched by implemented items, {inProgress} only by items in progress, {untouched} not touched.',
  'iso27001.coverage.notMapped':
    '{count, plural, one {The other Annex A control (physical security, networks, access and the like) does not overlap with an AI management system item and is not listed.} other {The other # Annex A controls (physical security, networks, access and the like) do not overlap with an AI management system item and are not listed.}}',
  'iso27001.coverage.clauses': 'Clauses 4–10',
  'iso27001.coverage.theme': 'Annex A {id}: {title}',
  'iso27001.coverage.untouched': 'Related clauses and controls not touched yet',
  'iso27001.sources':
    'ISO/IEC 27001:2022: clause and Annex A control numbers and titles only, as identifiers. The relationships and their reasons are our own.',

  'iso27001.isms.marker': 'Your ISMS records may serve as evidence here: ISO/IEC 27001 {refs}.',
  'iso27001.isms.hint': 'Link an ISMS record you already hold instead of uploading it again: use Link existing evidence below.',

  'evidence.link.heading': 'Link existing evidence',
  'evidence.link.help': 'A file or link already recorded for another item (an ISMS policy, say) can serve this item too, without uploading it again.',
  'evidence.link.pick': 'Evidence to link',
  'evidence.link.choose': 'Choose evidence…',
  'evidence.link.optionFile': '{title} ({name}), evidence for {items}',
  'evidence.link.optionLink': '{title} ({name}), evidence for {items}',
  'evidence.link.submit': 'Link',
  'evidence.link.required': 'Choose the evidence to link.',
  'evidence.link.none': 'No evidence is recorded for other items yet.',
  'evidence.link.done': '{title} is now evidence for {id} too.',
  'history.field.linkedItemIds': 'Also evidence for',
} as const;
