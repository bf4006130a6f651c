/**
 * What can be wrong with a spreadsheet's cell or row, or why a spreadsheet file cannot be read well
 * (the `reason` of a file's problem): the codes of domain/problem.ts that src/i18n/problem-text.ts
 * words. A mapping wizard's problems carry a `mapping-` prefix; a register's cross-field rule reads
 * as `rule-<its code>`.
 */
export const sheetProblemCodes = [
  // A sheet as a whole, and a row's id
  'id-column-missing',
  'unknown-column',
  'not-clause',
  'not-control',
  'unknown-id',
  'duplicate-id',
  'singleton',
  // Cells
  'not-date',
  'not-real-date',
  'value-required',
  'not-one-of',
  'not-yes-no',
  'not-finite',
  'not-number',
  'too-long',
  'unknown-name',
  'title-required',
  'required',
  'not-catalog-item',
  'ref-unknown',
  'ref-elsewhere',
  // Reading the file
  'file-too-large',
  'binary',
  'text-named-as-workbook',
  'cfb-corrupt',
  'password',
  'too-many-sheets',
  'clipped-rows',
  'clipped-columns',
  'markup',
  'encoding-guessed',
  'unclosed-quote',
  'unclosed-quote-line',
  'cell-too-long',
  'too-many-problems',
  'not-workbook-zip',
  'content-not-utf8',
  'repeated-cells',
  'unreadable',
] as const;

export const mappingProblemCodes = [
  'mapping-unmapped',
  'mapping-date',
  'mapping-control',
  'mapping-too-long',
  'mapping-required',
  'mapping-required-column',
  'mapping-two-columns',
] as const;

/** The facts inside a bundle's file problems (its `params.reason`), worded as io.detail.*. */
export const fileDetailCodes = [
  'text-length',
  'key-count',
  'record-count',
  'file-size',
  'format-required',
  'expected-file',
  'forbidden-key-name',
  'json-syntax',
  'json-syntax-engine',
] as const;

export type SheetProblemCode = (typeof sheetProblemCodes)[number] | (typeof mappingProblemCodes)[number] | (typeof fileDetailCodes)[number] | `rule-${string}`;
