import type { Problem, ProblemParam } from '../domain/problem';
import type { SheetProblemCode } from '../domain/sheet-problem-codes';
import type { ZipDetailCode } from '../domain/zip-problem-codes';
import type { ContainerDetailCode } from '../domain/container-problem-codes';
import { sheetProblems } from './en/sheet-problems';
import { formatNumber, hasMessage, t, tOption, type MessageKey } from './i18n';
import { fillMessage } from './message-format';

/**
 * Problems (domain/problem.ts) in the reader's language, where a person reads them: a spreadsheet's
 * or a mapping's cell and row problems, and the reasons inside a file's problems. The code names the
 * message (KEYS): `not-one-of` → sheetProblem.notOneOf, `mapping-too-long` → mapping.problem.tooLong,
 * `rule-effectiveness-required` → cycle.rule.effectiveness-required. Before the catalogue has loaded
 * a spreadsheet problem reads in English, filled the same way, so nothing shows a raw key.
 */
type Params = Record<string, string | number>;

const fill = (template: string, params: Params) => fillMessage(template, params, 'en', formatNumber);

function message(key: string, params: Params): string | undefined {
  if (hasMessage(key)) return t(key, params);
  const english = (sheetProblems as Record<string, string>)[key];
  return english === undefined ? undefined : fill(english, params);
}

/** Items of a list inside a message ("Rare, Unlikely" / "罕见、不太可能"), with the language's separator. */
export function listText(items: readonly string[]): string {
  return items.join(message('sheetProblem.listSeparator', {}) ?? ', ');
}

/** One fact of a problem as text: words in the reader's language, lists joined. */
export function paramText(v: ProblemParam): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return listText(v.map((item: string | ProblemParam) => paramText(item)));
  const word = v as Exclude<ProblemParam, string | number | readonly unknown[]>;
  const text = tOption(word.prefix, word.value);
  return word.lower ? text.toLowerCase() : text;
}

export function paramsText(p: Pick<Problem, 'params'>): Params {
  // Numbers as text, as a file's problem has always written them ("10148 bytes, limit 1000"); a plural block still reads them.
  return Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, paramText(v)]));
}

/** The message of each code (a typed table, so a catalogue key without a code, or a code without its message, is caught). */
const KEYS: Record<Exclude<SheetProblemCode, `rule-${string}`> | ZipDetailCode | ContainerDetailCode, MessageKey> = {
  'id-column-missing': 'sheetProblem.idColumnMissing',
  'unknown-column': 'sheetProblem.unknownColumn',
  'not-clause': 'sheetProblem.notClause',
  'not-control': 'sheetProblem.notControl',
  'unknown-id': 'sheetProblem.unknownId',
  'duplicate-id': 'sheetProblem.duplicateId',
  singleton: 'sheetProblem.singleton',
  'not-date': 'sheetProblem.notDate',
  'not-real-date': 'sheetProblem.notRealDate',
  'value-required': 'sheetProblem.valueRequired',
  'not-one-of': 'sheetProblem.notOneOf',
  'not-yes-no': 'sheetProblem.notYesNo',
  'not-finite': 'sheetProblem.notFinite',
  'not-number': 'sheetProblem.notNumber',
  'too-long': 'sheetProblem.tooLong',
  'unknown-name': 'sheetProblem.unknownName',
  'title-required': 'sheetProblem.titleRequired',
  required: 'sheetProblem.required',
  'not-catalog-item': 'sheetProblem.notCatalogItem',
  'ref-unknown': 'sheetProblem.refUnknown',
  'ref-elsewhere': 'sheetProblem.refElsewhere',
  'file-too-large': 'sheetProblem.fileTooLarge',
  binary: 'sheetProblem.binary',
  'text-named-as-workbook': 'sheetProblem.textNamedAsWorkbook',
  'cfb-corrupt': 'sheetProblem.cfbCorrupt',
  password: 'sheetProblem.password',
  'too-many-sheets': 'sheetProblem.tooManySheets',
  'clipped-rows': 'sheetProblem.clippedRows',
  'clipped-columns': 'sheetProblem.clippedColumns',
  markup: 'sheetProblem.markup',
  'encoding-guessed': 'sheetProblem.encodingGuessed',
  'unclosed-quote': 'sheetProblem.unclosedQuote',
  'unclosed-quote-line': 'sheetProblem.unclosedQuoteLine',
  'cell-too-long': 'sheetProblem.cellTooLong',
  'too-many-problems': 'sheetProblem.tooManyProblems',
  'not-workbook-zip': 'sheetProblem.notWorkbookZip',
  'content-not-utf8': 'sheetProblem.contentNotUtf8',
  'repeated-cells': 'sheetProblem.repeatedCells',
  unreadable: 'sheetProblem.unreadable',
  'mapping-unmapped': 'mapping.problem.unmapped',
  'mapping-date': 'mapping.problem.date',
  'mapping-control': 'mapping.problem.control',
  'mapping-too-long': 'mapping.problem.tooLong',
  'mapping-required': 'mapping.problem.required',
  'mapping-required-column': 'mapping.problem.requiredColumn',
  'mapping-two-columns': 'mapping.problem.twoColumns',
  'text-length': 'io.detail.textLength',
  'key-count': 'io.detail.keyCount',
  'record-count': 'io.detail.recordCount',
  'file-size': 'io.detail.fileSize',
  'format-required': 'io.detail.formatRequired',
  'expected-file': 'io.detail.expectedFile',
  'forbidden-key-name': 'io.detail.forbiddenKey',
  'json-syntax': 'io.detail.jsonSyntax',
  'json-syntax-engine': 'io.detail.jsonSyntaxEngine',
  'zip-name-not-utf8': 'io.detail.zipNameNotUtf8',
  'zip-name-empty': 'io.detail.zipNameEmpty',
  'zip-name-too-long': 'io.detail.zipNameTooLong',
  'zip-name-control': 'io.detail.zipNameControl',
  'zip-name-backslash': 'io.detail.zipNameBackslash',
  'zip-name-absolute': 'io.detail.zipNameAbsolute',
  'zip-name-drive': 'io.detail.zipNameDrive',
  'zip-name-empty-segment': 'io.detail.zipNameEmptySegment',
  'zip-name-dot': 'io.detail.zipNameDot',
  'zip-name-dotdot': 'io.detail.zipNameDotDot',
  'zip-name-unicode-control': 'io.detail.zipNameUnicodeControl',
  'zip-name-repeated': 'io.detail.zipNameRepeated',
  'zip-name-alias': 'io.detail.zipNameAlias',
  'zip-entry-encrypted': 'io.detail.zipEntryEncrypted',
  'zip-method': 'io.detail.zipMethod',
  'zip-stored-size': 'io.detail.zipStoredSize',
  'zip-entry-declares': 'io.detail.zipEntryDeclares',
  'zip-entry-ratio': 'io.detail.zipEntryRatio',
  'zip-total-declared': 'io.detail.zipTotalDeclared',
  'zip-archive-ratio': 'io.detail.zipArchiveRatio',
  'zip-local-past-end': 'io.detail.zipLocalPastEnd',
  'zip-local-signature': 'io.detail.zipLocalSignature',
  'zip-data-past-end': 'io.detail.zipDataPastEnd',
  'zip-data-into-directory': 'io.detail.zipDataIntoDirectory',
  'zip-local-name': 'io.detail.zipLocalName',
  'zip-overlap': 'io.detail.zipOverlap',
  'zip-comment-past-end': 'io.detail.zipCommentPastEnd',
  'zip64-past-end': 'io.detail.zip64PastEnd',
  'zip64-signature': 'io.detail.zip64Signature',
  'zip-end-missing': 'io.detail.zipEndMissing',
  'zip-no-end': 'io.detail.zipNoEnd',
  'zip-split': 'io.detail.zipSplit',
  'zip-directory-past-end': 'io.detail.zipDirectoryPastEnd',
  'zip-directory-into-end': 'io.detail.zipDirectoryIntoEnd',
  'zip-entry-count': 'io.detail.zipEntryCount',
  'zip-directory-short': 'io.detail.zipDirectoryShort',
  'zip-directory-signature': 'io.detail.zipDirectorySignature',
  'zip-prefix': 'io.detail.zipPrefix',
  'zip-directory-header-past': 'io.detail.zipDirectoryHeaderPast',
  'zip64-sizes-missing': 'io.detail.zip64SizesMissing',
  'zip-directory-extra': 'io.detail.zipDirectoryExtra',
  'zip-no-entry': 'io.detail.zipNoEntry',
  'zip-read-total': 'io.detail.zipReadTotal',
  'zip-deflate': 'io.detail.zipDeflate',
  'zip-inflates-more': 'io.detail.zipInflatesMore',
  'zip-inflates-past-limit': 'io.detail.zipInflatesPastLimit',
  'zip-holds': 'io.detail.zipHolds',
  'zip-crc': 'io.detail.zipCrc',
  'zip-not-utf8': 'io.detail.zipNotUtf8',
  'enc-too-short': 'io.detail.encTooShort',
  'enc-header-length': 'io.detail.encHeaderLength',
  'enc-header-past-end': 'io.detail.encHeaderPastEnd',
  'enc-no-ciphertext': 'io.detail.encNoCiphertext',
  'enc-header-not-json': 'io.detail.encHeaderNotJson',
  'enc-header-shape': 'io.detail.encHeaderShape',
  'enc-salt': 'io.detail.encSalt',
  'enc-iv': 'io.detail.encIv',
  'enc-version': 'io.detail.encVersion',
  'enc-kdf': 'io.detail.encKdf',
  'enc-cipher': 'io.detail.encCipher',
  'enc-hash': 'io.detail.encHash',
  'enc-key-length': 'io.detail.encKeyLength',
  'enc-tag-length': 'io.detail.encTagLength',
  'enc-iterations': 'io.detail.encIterations',
};

function keyOf(code: string): string | undefined {
  if (code.startsWith('rule-')) return `cycle.rule.${code.slice('rule-'.length)}`;
  return Object.hasOwn(KEYS, code) ? KEYS[code as keyof typeof KEYS] : undefined;
}

/**
 * What is wrong with a cell or a row (or, inside a file's problem, why). A schema's own problem that
 * no message of ours words reads as the schema says it; a rule without a message reads as its code.
 */
export function problemText(p: Pick<Problem, 'code' | 'params'>): string {
  const own = p.params?.schemaMessage;
  if (own !== undefined && p.code !== 'required') return paramText(own);
  const params = paramsText(p);
  const key = keyOf(p.code);
  return (key === undefined ? undefined : message(key, params)) ?? (p.code.startsWith('rule-') ? p.code.slice('rule-'.length) : p.code);
}

/** "row 3", as a file's problem names the line it is on. */
export function rowText(row: number): string {
  return message('sheetProblem.row', { row }) ?? `row ${row}`;
}
