import { locale, t, tOption } from '../words';
import { impactFields } from '../../domain/impact-assessment-schema';
import { cellToDate, dateToSerial, optionLabel, type CellValue } from './sheet-cells';
import { byId } from '../bundle/canonical-json';
import {
  aiSystemSheet,
  clauseSheet,
  cycleKindOf,
  cycleSheet,
  cycleSheets,
  isCycleSheet,
  ownControlSheet,
  riskSheet,
  soaSheet,
  type CycleSheetKey,
  type RegisterSheet,
  type SheetContext,
  type SheetKey,
} from './sheet-registers';
import { answersFor, cycleRecordsOf, risksByRef, sheetContext, type WorkbookData } from './workbook-data';
import { buildWorkbook, type BuildOptions, type SheetSpec } from './sheet-write';
import type { Deflater } from '../zip/zip-write';
import { toCsv } from './csv';
import { headerText, sheetNameText } from './sheet-labels';

export const WORKBOOK_FORMAT_VERSION = 1;

/** What rowOf gives (the id, then every column), in one loop without intermediate arrays. */
function rowsOf<T>(sheet: RegisterSheet<T>, records: readonly T[], ctx: SheetContext): CellValue[][] {
  const columns = sheet.columns;
  const n = columns.length;
  return records.map((record) => {
    const row: CellValue[] = new Array(n + 1);
    row[0] = sheet.idOf(record);
    for (let i = 0; i < n; i++) row[i + 1] = columns[i]!.get(record, ctx);
    return row;
  });
}

/** Sheet names, headers and choice labels follow the active language (the import reads any). */
function spec<T>(sheet: RegisterSheet<T>, records: readonly T[], ctx: SheetContext): SheetSpec {
  const header = [headerText(sheet.idHeader), ...sheet.columns.map((c) => headerText(c.header))];
  return {
    name: sheetNameText(sheet.name),
    header,
    rows: rowsOf(sheet, records, ctx),
    widths: [sheet.idHeader === 'Id' ? 38 : 10, ...sheet.columns.map((c) => c.width)],
    autofilter: true,
    dateColumns: sheet.columns.flatMap((c, i) => (c.date ? [i + 1] : [])),
    // Choice and rating columns offer their values as a drop-down (editable columns only); long text wraps.
    lists: sheet.columns.flatMap((c, i) => (c.choices && c.set ? [{ column: i + 1, values: c.choices(ctx), label: header[i + 1]! }] : [])),
    wrapColumns: sheet.columns.flatMap((c, i) => (c.wrap ? [i + 1] : [])),
  };
}

/** The hidden sheet the longer drop-down lists live on, and what a spreadsheet says of a value not on a list. */
function listOptions(): BuildOptions['lists'] {
  return { sheetName: sheetNameText('Lists'), message: { title: t('sheets.listError.title'), text: t('sheets.listError.text') } };
}

/** What a workbook is: the import reads this row back (workbook-origin.ts) to know what an empty cell means. */
export type WorkbookKind = 'full' | 'template';

function aboutSheet(d: WorkbookData, exportedAt: string, appVersion: string, kind: WorkbookKind): SheetSpec {
  const rows: CellValue[][] = [
    [t('sheets.about.workspace'), d.workspace.name],
    [t('sheets.about.organization'), d.workspace.profile.organizationName],
    [t('sheets.about.exported'), exportedAt],
    [t('sheets.about.appVersion'), appVersion],
    [t('sheets.about.formatVersion'), WORKBOOK_FORMAT_VERSION],
    [t('sheets.about.catalog'), `${d.catalog.frameworkName} ${d.catalog.catalogVersion}`],
    [t('sheets.about.language'), `${locale()}: ${t('sheets.about.languageValue')}`],
    [t('sheets.about.kind'), t(kind === 'template' ? 'sheets.about.kind.template' : 'sheets.about.kind.full')],
    ['', ''],
    [t('sheets.about.edit'), t('sheets.about.edit.text')],
    [t('sheets.about.blank'), t(kind === 'template' ? 'sheets.about.blank.template' : 'sheets.about.blank.full')],
    [t('sheets.about.newRows'), t('sheets.about.newRows.text')],
    [t('sheets.about.lists'), t('sheets.about.lists.text')],
    [t('sheets.about.choices'), t('sheets.about.choices.text')],
    [t('sheets.about.readOnly'), t('sheets.about.readOnly.text')],
    [t('sheets.about.cycle'), t('sheets.about.cycle.text')],
    [t('sheets.about.reimport'), t('sheets.about.reimport.text')],
  ];
  return { name: sheetNameText('About'), header: [headerText('Item'), headerText('Value')], rows, widths: [24, 100], wrapColumns: [1] };
}

/** Impact assessments are read-only here: approved versions are frozen and drafts are edited in the app. */
function impactSheets(d: WorkbookData): SheetSpec[] {
  const systemName = new Map(d.aiSystems.map((s) => [s.id, s.name]));
  const ias = byId(d.impactAssessments);
  const assessments: SheetSpec = {
    name: sheetNameText('Impact assessments'),
    header: ['Id', 'AI system', 'Version', 'State', 'Decision', 'Assessor', 'Approver', 'Approved on', 'Next review', 'Impacts'].map(headerText),
    rows: ias.map((a) => [
      a.id,
      systemName.get(a.aiSystemId) ?? a.aiSystemId,
      a.version,
      tOption('ia.state', a.state),
      a.decision ? tOption('ia.decisionValue', a.decision) : '',
      a.assessor,
      a.approver,
      dateToSerial(a.approvedOn),
      dateToSerial(a.nextReview),
      a.impacts.length,
    ]),
    widths: [38, 30, 8, 10, 24, 20, 20, 12, 12, 8],
    autofilter: true,
    dateColumns: [7, 8],
  };
  const impacts: SheetSpec = {
    name: sheetNameText('Impacts'),
    header: ['Assessment id', 'Impact id', ...impactFields.map((f) => f.column)].map(headerText),
    rows: ias.flatMap((a) =>
      a.impacts.map((i) => [
        a.id,
        i.id,
        ...impactFields.map((f) => {
          const v = (i as Record<string, unknown>)[f.key];
          return f.kind === 'enum' ? (v ? optionLabel(f.optionPrefix ?? '', String(v)) : '') : String(v ?? '');
        }),
      ]),
    ),
    widths: [38, 38, ...impactFields.map((f) => (f.kind === 'textarea' ? 50 : 20))],
    wrapColumns: impactFields.flatMap((f, i) => (f.kind === 'textarea' ? [i + 2] : [])),
    autofilter: true,
  };
  return [assessments, impacts];
}

/** The full workbook: About, then one sheet per register, id column first. */
/** `deflater`: where the zip is compressed (buildWorkbook's option; default this thread). */
export async function exportWorkbook(
  d: WorkbookData,
  exportedAt: string,
  appVersion: string,
  deflater?: Deflater,
  kind: WorkbookKind = 'full',
): Promise<Uint8Array> {
  // Register order once, for the risk sheet and the SoA's treatment links.
  const risks = risksByRef(d.risks);
  const ctx = sheetContext(d, risks);
  // A template's answer rows show only the item (no "Not started" in every row): an empty cell leaves an answer as it is.
  const answers = <T>(sheet: RegisterSheet<T>, s: SheetSpec): SheetSpec =>
    kind === 'template' ? { ...s, rows: s.rows.map((row) => emptyAnswers(sheet, row)) } : s;
  const sheets: SheetSpec[] = [
    aboutSheet(d, exportedAt, appVersion, kind),
    answers(clauseSheet, spec(clauseSheet, answersFor(d, false) as never[], ctx)),
    answers(soaSheet, spec(soaSheet, answersFor(d, true) as never[], ctx)),
    spec(aiSystemSheet, byId(d.aiSystems) as never[], ctx),
    spec(riskSheet, risks as never[], ctx),
    spec(ownControlSheet, byId(d.ownControls) as never[], ctx),
    ...cycleSheets.map((sheet) => spec(sheet, cycleRecordsOf(d, cycleKindOf(sheet.key as CycleSheetKey)) as never[], ctx)),
    ...impactSheets(d),
  ];
  return buildWorkbook(sheets, { title: d.workspace.name, lists: listOptions(), ...(deflater ? { deflater } : {}) });
}

/** A template row: the id and the read-only columns (the item's title), every editable cell empty. */
function emptyAnswers<T>(sheet: RegisterSheet<T>, row: CellValue[]): CellValue[] {
  return row.map((cell, i) => (i === 0 || !sheet.columns[i - 1]?.set ? cell : null));
}

/** The blank "consultant workbook": the same sheets with every catalog item and no answers, for a client to fill in. */
export async function exportTemplate(d: WorkbookData, exportedAt: string, appVersion: string, deflater?: Deflater): Promise<Uint8Array> {
  return exportWorkbook(
    { ...d, assessments: [], aiSystems: [], risks: [], ownControls: [], impactAssessments: [], cycleRecords: [] },
    exportedAt,
    appVersion,
    deflater,
    'template',
  );
}

/** Any register sheet can be exported on its own: the built-in ones and every `cycle:<kind>`. */
export type SingleRegister = SheetKey;

function single(d: WorkbookData, which: SingleRegister): SheetSpec {
  const ctx = sheetContext(d);
  switch (which) {
    case 'clauses':
      return spec(clauseSheet, answersFor(d, false) as never[], ctx);
    case 'soa':
      return spec(soaSheet, answersFor(d, true) as never[], ctx);
    case 'aiSystems':
      return spec(aiSystemSheet, byId(d.aiSystems) as never[], ctx);
    case 'risks':
      return spec(riskSheet, risksByRef(d.risks) as never[], ctx);
    case 'ownControls':
      return spec(ownControlSheet, byId(d.ownControls) as never[], ctx);
    default:
      if (!isCycleSheet(which)) throw new Error(`unknown register ${String(which)}`);
      return spec(cycleSheet(which), cycleRecordsOf(d, cycleKindOf(which)) as never[], ctx);
  }
}

/** One register as its own .xlsx (e.g. just the SoA). */
export async function exportRegisterXlsx(d: WorkbookData, which: SingleRegister, deflater?: Deflater): Promise<Uint8Array> {
  return buildWorkbook([single(d, which)], { title: d.workspace.name, lists: listOptions(), ...(deflater ? { deflater } : {}) });
}

/** One register as CSV: UTF-8 with BOM, RFC 4180, formula-like text neutralised; dates as YYYY-MM-DD. */
export function exportRegisterCsv(d: WorkbookData, which: SingleRegister): string {
  const s = single(d, which);
  const dates = new Set(s.dateColumns ?? []);
  // Dates as plain YYYY-MM-DD text: no time zone can shift them.
  const rows = s.rows.map((row: CellValue[]) =>
    row.map((cell, i) => {
      if (!dates.has(i) || typeof cell !== 'number') return cell;
      const d = cellToDate(cell);
      return d.ok ? d.value : cell;
    }),
  );
  return toCsv([s.header, ...rows]);
}
