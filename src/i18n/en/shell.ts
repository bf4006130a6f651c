/** The command box (Ctrl+K): loaded with it, not with the first screen. */
export const shellMessages = {
  'search.label': 'Search or jump to a page, clause, control or record',
  'search.placeholder': 'A page, a number such as 6.1.3 or A.8.3, a ref such as R-002, or words',
  'search.group.pages': 'Pages',
  'search.group.items': 'Clauses and controls',
  'search.group.records': 'Records',
  'search.none': 'Nothing matches “{query}”.',
  'search.hint': 'Up and down arrows choose, Enter opens, Escape closes.',
  'search.count': '{count, plural, one {# result} other {# results}}',
  'search.clause': 'Clause',
  'search.control': 'Annex A control',
  'search.kind.risk': 'Risk',
  'search.kind.system': 'AI system',
  'search.kind.control': 'Own control',
  'search.kind.assessment': 'Impact assessment, version {version}',
} as const;
