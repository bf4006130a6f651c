/** UI strings for one area; merged into the catalogue by ../messages-en.ts. */
export const conflictMessages = {
  'conflict.title': 'Changed in another tab',
  'conflict.body': '“{field}” of {record} was changed in another tab while you were editing it here. Nothing was saved yet: choose which version to keep.',
  'conflict.theirs': 'Now saved (from the other tab)',
  'conflict.mine': 'Yours (this tab)',
  'conflict.keepMine': 'Keep mine',
  'conflict.keepTheirs': 'Keep theirs',
  'conflict.empty': '(empty)',
} as const;
