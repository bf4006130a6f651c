import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AimsDatabase } from '../../src/db/database';
import { treatmentLinks } from '../../src/domain/soa-links';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { ownControlSheet, registerSheets, riskSheet, soaSheet } from '../../src/io/sheets/sheet-registers';
import type { CellValue } from '../../src/io/sheets/sheet-cells';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import { answersFor, sheetContext, treatedControls, type WorkbookData } from '../../src/io/sheets/workbook-data';
import { planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { setLocale } from '../../src/i18n/i18n';
import { loadLocaleTables } from '../../src/i18n/locale-tables';
import { headerText, sheetNameText } from '../../src/io/sheets/sheet-labels';
import { freshDatabase } from '../support/db';
import { seedWorkspace } from '../support/bundles';
import { workbookDataOf } from '../support/workbook';

let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 33, { aiSystems: 4, risks: 30, ownControls: 4, impactAssessments: 1 })).ws.id;
  // Files exported in either language are read whatever the UI's language: every language's strings load.
  await loadLocaleTables();
});
afterEach(async () => {
  await setLocale('en', { remember: false });
});

const data = () => workbookDataOf(wsId);

async function sheetsOf(bytes: Uint8Array) {
  const r = await readWorkbook(bytes, 'workbook.xlsx');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sheets;
}

/** Sets cells of one sheet (by 1-based row and header) as Excel would, then writes the file again. */
function edit(bytes: Uint8Array, sheet: string, edits: { row: number; column: string; value: string | null }[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  const ws = wb.Sheets[sheet]!;
  const header = XLSX.utils.sheet_to_json(ws, { header: 1 })[0] as string[];
  for (const e of edits) {
    const at = XLSX.utils.encode_cell({ r: e.row - 1, c: header.indexOf(e.column) });
    if (e.value === null) delete ws[at];
    else ws[at] = { t: 's', v: e.value };
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The plan the full comparison gives: every column's `same` shortcut taken away for the call. */
function planWithoutShortcuts(sheets: Parameters<typeof planWorkbookImport>[0], d: WorkbookData) {
  const saved: [Record<string, unknown>, unknown][] = [];
  for (const sheet of registerSheets) for (const col of sheet.columns) if (col.same) saved.push([col as never, col.same]);
  for (const [col] of saved) delete col.same;
  try {
    return planWorkbookImport(sheets, d);
  } finally {
    for (const [col, same] of saved) col.same = same;
  }
}

/** A matrix whose names and abbreviations collide, so some levels' names read back as another level. */
function trickyMatrix(d: WorkbookData) {
  const m = structuredClone(d.workspace.riskMatrix);
  m.probability[1]!.name = m.probability[0]!.name.toUpperCase(); // level 2 reads back as level 1
  m.impact[2]!.abbreviation = m.impact[1]!.name; // a later level's abbreviation: level 2's name still reads as level 2
  m.impact[0]!.abbreviation = m.impact[3]!.name; // level 4's name reads back as level 1
  d.workspace.riskMatrix = m;
}

describe('the rating, Annex A and Applicable columns settle unchanged cells with the verdicts of the full comparison', () => {
  it('treatedControls lists exactly the controls treatmentLinks has an entry for, closed risks and own controls included', async () => {
    const d = await data();
    d.risks[0]!.status = 'closed' as never;
    d.risks[1]!.ownControlIds = [d.ownControls[0]!.id, 'gone'];
    d.ownControls[0]!.annexAControls = ['A.9.2', 'A.10.3'];
    d.risks[2]!.annexAControls = ['A.5.2', 'A.5.2'];
    const links = treatmentLinks(d.risks, d.ownControls);
    expect([...treatedControls(d.risks, d.ownControls)].sort()).toEqual([...links.keys()].filter((k) => links.get(k)!.length > 0).sort());
    const ctx = sheetContext(d);
    expect([...ctx.treated].sort()).toEqual([...links.keys()].sort());
    expect(ctx.links).toEqual(links);
  });

  it('same(cell) is true only where set(cell) succeeds and changes nothing', async () => {
    const d = await data();
    trickyMatrix(d);
    const risks = d.risks;
    risks[0]!.inherentLikelihood = 1;
    risks[1]!.inherentImpact = 3;
    risks[2]!.residualImpact = 9; // beyond the matrix: exports as "Level 10"
    risks[3]!.annexAControls = ['a.5.2'];
    risks[4]!.annexAControls = ['A.5.2', 'A.5.2'];
    risks[5]!.annexAControls = ['4.1'];
    risks[6]!.annexAControls = ['A.5.3', 'A.5.2'];
    d.ownControls[0]!.annexAControls = ['A.9.2', ' A.9.3'];
    const ctx = sheetContext(d);
    const levels = [...d.workspace.riskMatrix.probability, ...d.workspace.riskMatrix.impact];
    const cellsFor = (shown: CellValue): CellValue[] => [
      shown,
      null,
      '',
      ' ',
      typeof shown === 'string' ? shown.toLowerCase() : 'x',
      typeof shown === 'string' ? ` ${shown} ` : 'x',
      'Level 10',
      'Yes',
      'No',
      'yes',
      '是',
      '否',
      ' 是 ',
      'A.5.2',
      'A.5.2; A.5.2',
      'A.5.2; A.5.3',
      'a5.2',
      3,
      ...levels.flatMap((l) => [l.name, l.abbreviation]),
    ];
    let sameCount = 0;
    const check = (sheet: typeof riskSheet | typeof soaSheet | typeof ownControlSheet, records: Record<string, unknown>[]) => {
      for (const col of sheet.columns as (typeof riskSheet)['columns']) {
        if (!col.same || !col.set) continue;
        for (const record of records) {
          for (const cell of cellsFor(col.get(record as never, ctx))) {
            if (!col.same(cell, record as never, ctx)) continue;
            sameCount += 1;
            const r = col.set(cell, ctx, record as never);
            expect(r.ok, `${col.header} ${JSON.stringify(cell)}`).toBe(true);
            if (!r.ok) continue;
            const empty = (x: unknown) => x === null || x === undefined || x === '';
            for (const [k, v] of Object.entries(r.value))
              if (!(empty(v) && empty(record[k]))) expect(v, `${col.header} ${JSON.stringify(cell)}`).toEqual(record[k]);
          }
        }
      }
    };
    check(riskSheet, risks as never[]);
    check(ownControlSheet, d.ownControls as never[]);
    const soa = answersFor(d, true) as never as Record<string, unknown>[];
    soa[0]!.applicable = true;
    soa[1]!.applicable = false;
    soa[2]!.applicable = null;
    check(soaSheet, soa);
    expect(sameCount).toBeGreaterThan(100);
  });

  // A workbook exported in Chinese (its labels and Yes/No differ) is read with the UI in English, and the other way round.
  it.each([
    ['en', 'zh-CN'],
    ['zh-CN', 'en'],
  ] as const)(
    'an exported (%s) and edited workbook gives the same plan with and without the shortcuts, read with the UI in %s',
    async (exportLocale, importLocale) => {
      const d = await data();
      trickyMatrix(d);
      d.risks[0]!.inherentLikelihood = 1;
      d.risks[1]!.inherentImpact = 3;
      d.risks[2]!.residualImpact = 9;
      d.risks[3]!.annexAControls = ['a.5.2'];
      d.risks[4]!.annexAControls = ['A.5.2', 'A.5.2'];
      d.risks[5]!.annexAControls = ['4.1'];
      d.risks[6]!.annexAControls = ['A.5.3', 'A.5.2'];
      d.ownControls[0]!.annexAControls = ['A.9.2', 'a.9.3'];
      const answers = answersFor(d, true);
      d.assessments = [
        ...d.assessments.filter((a) => !answers.slice(0, 3).some((x) => x.itemId === a.itemId)),
        { ...answers[0]!, applicable: true },
        { ...answers[1]!, applicable: false },
        { ...answers[2]!, applicable: null },
      ];
      await setLocale(exportLocale, { remember: false });
      const bytes = await exportWorkbook(d, '2026-11-27T10:00:00.000Z', '0.1.0');
      const edited = edit(bytes, sheetNameText('Risks'), [
        { row: 9, column: headerText('Inherent likelihood'), value: d.workspace.riskMatrix.probability[0]!.name.toLowerCase() },
        { row: 10, column: headerText('Annex A controls'), value: 'A.5.2;A.5.3' },
        { row: 11, column: headerText('Residual impact'), value: null },
        { row: 12, column: headerText('Annex A controls'), value: null },
      ]);
      expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toContain(exportLocale === 'en' ? 'Risks' : '风险');
      await setLocale(importLocale, { remember: false });
      for (const file of [bytes, edited]) {
        const sheets = await sheetsOf(file);
        const fast = planWorkbookImport(sheets, d);
        expect(fast).toEqual(planWithoutShortcuts(sheets, d));
        const risks = fast.parts.find((p) => p.key === 'risks')!;
        expect(risks.update + risks.problems.length).toBeGreaterThan(0);
        // Every register sheet was recognised, and the SoA's decisions settled without a difference.
        expect(fast.parts.length).toBe(registerSheets.length);
        const soa = fast.parts.find((p) => p.key === 'soa')!;
        expect([soa.update, soa.problems]).toEqual([0, []]);
      }
    },
  );
});
