/** The import preview's record lists and the merge's field-by-field conflicts; merged into the catalogue by ../messages-en.ts. */
export const mergeMessages = {
  'merge.lists.heading': 'Records the import changes',
  'merge.lists.register': '{register}: {added} new, {updated} updated, {removed} removed',
  'merge.lists.added': 'New ({count})',
  'merge.lists.updated': 'Updated ({count})',
  'merge.lists.removed': 'Removed ({count})',
  'merge.lists.more': '… and {count} more',
  'merge.lists.none': 'No record is added, updated or removed.',
  'merge.conflicts.heading': 'Conflicts: changed on both sides since the last exchange ({count})',
  'merge.conflicts.intro':
    'Choose for each field which version to keep; the import then writes that mix. A field only one side changed starts on that side; one both sides changed starts on the side whose record changed last.',
  'merge.conflicts.baseNote': 'The value at the last exchange is shown where both change histories agree on it; otherwise it reads "not known".',
  'merge.conflict.legend': '{register}: {record}',
  'merge.conflict.dates': 'Mine last changed {mine}; theirs last changed {theirs}.',
  'merge.conflict.tally': 'Fields kept from mine: {mine}; taken from theirs: {theirs}',
  'merge.col.field': 'Field',
  'merge.col.base': 'At the last exchange',
  'merge.col.mine': 'Mine (this browser)',
  'merge.col.theirs': 'Theirs (the bundle)',
  'merge.baseUnknown': 'not known',
  'merge.pickMine': '{field}: keep mine',
  'merge.pickTheirs': '{field}: take theirs',
  'merge.allMine': 'Keep all mine',
  'merge.allTheirs': 'Take all theirs',
  'merge.allMineFor': 'Keep all mine for {record}',
  'merge.allTheirsFor': 'Take all theirs for {record}',
  'merge.rowsTheirs': 'Taking theirs:',
  'merge.field.other': 'Other stored details',
  'merge.other.mine': 'As stored here',
  'merge.other.theirs': 'As in the bundle',
  'merge.mixInvalid':
    'The fields chosen for {record} do not make a valid record: {problem} Take that field from the other side, or keep one version whole. Nothing was imported.',
  'merge.stale':
    'Changed in this browser after the preview was made: {records}. Nothing was imported. The preview above has been made again from the records as they are now: check it, then import again.',
  'merge.staleMore': '{count} more',
  'merge.refused.frozen':
    '{record} is an approved version of an impact assessment, which never changes, and the bundle changes it. Nothing was imported: start a new version where it was changed, then exchange again.',
  'merge.refused.singleton-exists':
    'The bundle brings a second scope ({record}), and a workspace has one. Nothing was imported: keep one scope on either side (move what the other holds into it, then delete it), then exchange again.',
  'merge.refused.other': 'The register of {record} does not accept it as the bundle has it. Nothing was imported.',
} as const;
