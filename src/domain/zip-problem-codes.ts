/**
 * Why the zip reader (src/io/zip) refused an archive or an entry: the `reason` of its problems,
 * worded as io.detail.zip* by src/i18n/problem-text.ts. The other params are facts only: numbers,
 * an entry's quoted name (`name`, `other`, `local`), a byte in hex. Never a sentence.
 */

/** Why an entry's name is unsafe; `part` says whether the raw name or the Unicode Path field's is. */
export const zipNameCodes = [
  'zip-name-not-utf8',
  'zip-name-empty',
  'zip-name-too-long',
  'zip-name-control',
  'zip-name-backslash',
  'zip-name-absolute',
  'zip-name-drive',
  'zip-name-empty-segment',
  'zip-name-dot',
  'zip-name-dotdot',
  'zip-name-unicode-control',
] as const;
export type ZipNameCode = (typeof zipNameCodes)[number];

export const zipDetailCodes = [
  ...zipNameCodes,
  // The directory's entries, judged before inflating (zip-checks.ts)
  'zip-name-repeated',
  'zip-name-alias',
  'zip-entry-encrypted',
  'zip-method',
  'zip-stored-size',
  'zip-entry-declares',
  'zip-entry-ratio',
  'zip-total-declared',
  'zip-archive-ratio',
  // Local headers (zip-local.ts)
  'zip-local-past-end',
  'zip-local-signature',
  'zip-data-past-end',
  'zip-data-into-directory',
  'zip-local-name',
  'zip-overlap',
  // The end record and the central directory (zip-directory.ts)
  'zip-comment-past-end',
  'zip64-past-end',
  'zip64-signature',
  'zip-end-missing',
  'zip-no-end',
  'zip-split',
  'zip-directory-past-end',
  'zip-directory-into-end',
  'zip-entry-count',
  'zip-directory-short',
  'zip-directory-signature',
  'zip-prefix',
  'zip-directory-header-past',
  'zip64-sizes-missing',
  'zip-directory-extra',
  // Reading an entry (zip-reader.ts)
  'zip-no-entry',
  'zip-read-total',
  'zip-deflate',
  'zip-inflates-more',
  'zip-inflates-past-limit',
  'zip-holds',
  'zip-crc',
  'zip-not-utf8',
] as const;
export type ZipDetailCode = (typeof zipDetailCodes)[number];

/** Which name of an entry a name code is about: its own, or the one in Info-ZIP's Unicode Path extra field. */
export type ZipNamePart = 'name' | 'unicode-path';
