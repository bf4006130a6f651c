// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { createAiSystem } from '../../src/db/ai-systems-repo';
import { createRisk } from '../../src/db/risks-repo';
import { readWorkbookData } from '../../src/db/workbook-read';
import { createWorkspace } from '../../src/db/workspaces-repo';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import SpreadsheetPanel from '../../src/ui/SpreadsheetPanel.svelte';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';

// jsdom has no Worker: the check runs in-process, exactly as the spreadsheet worker would run it.
vi.mock('../../src/state/spreadsheets', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/state/spreadsheets')>();
  const { checkWorkbookFile } = await import('../../src/io/sheets/workbook-import');
  const { readWorkbookData: read } = await import('../../src/db/workbook-read');
  return {
    ...original,
    keepSpreadsheetWorkerWarm: () => () => undefined,
    checkSpreadsheet: async (workspaceId: string, catalog: Parameters<typeof read>[1], file: File) =>
      checkWorkbookFile(new Uint8Array(await file.arrayBuffer()), file.name, read(workspaceId, catalog)),
  };
});

beforeAll(() => {
  // jsdom's Blob has no arrayBuffer(); browsers do.
  if (typeof Blob.prototype.arrayBuffer !== 'function') {
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    };
  }
});

const catalog = shippedCatalog();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;
let wsId: string;

beforeEach(async () => {
  await freshDatabase();
  const ws = await createWorkspace('Acme', '1.0.0');
  if (!ws.ok) throw new Error(ws.code);
  wsId = ws.value.id;
  const system = await createAiSystem(wsId, 'TalentSift');
  if (!system.ok) throw new Error(system.code);
  const risk = await createRisk(wsId, 'Resume model discriminates', { status: 'assessed', inherentLikelihood: 2 });
  if (!risk.ok) throw new Error(risk.code);
});

/** The workspace's workbook with cells edited as a person would in Excel: by sheet, row (1-based) and header. */
async function editedWorkbook(edits: { sheet: string; row: number; column: string; value: string }[]): Promise<File> {
  const wb = XLSX.read(await exportWorkbook(await readWorkbookData(wsId, catalog), '2026-12-01T10:00:00.000Z', '0.1.0'), { type: 'array' });
  for (const e of edits) {
    const sheet = wb.Sheets[e.sheet]!;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const col = header.indexOf(e.column);
    if (col < 0) throw new Error(`no column ${e.column}`);
    sheet[XLSX.utils.encode_cell({ r: e.row - 1, c: col })] = { t: 's', v: e.value };
  }
  return new File([new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)], 'edited.xlsx');
}

async function check(file: File) {
  render(SpreadsheetPanel, { workspaceId: wsId, workspaceName: 'Acme', catalog });
  const input = screen.getByLabelText('Workbook exported by AIMS Workbench (.xlsx, .xls, .ods or .csv)');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
  await fireEvent.click(screen.getByRole('button', { name: 'Check the spreadsheet' }));
  return screen.findByTestId('sheets-changes', {}, { timeout: 5000 });
}

describe('SpreadsheetPanel import preview', () => {
  it('names each changed row by its ref and title and shows old and new values as the app words them', async () => {
    const changes = await check(
      await editedWorkbook([
        { sheet: 'Risks', row: 2, column: 'Status', value: 'Being treated' },
        { sheet: 'Risks', row: 2, column: 'Inherent likelihood', value: 'Likely' },
        { sheet: 'Risks', row: 2, column: 'AI systems', value: 'TalentSift' },
        { sheet: 'Statement of Applicability', row: 2, column: 'Justification category', value: 'Risk treatment' },
      ]),
    );
    const text = changes.textContent ?? '';
    expect(text).toContain('R-001 Resume model discriminates');
    expect(text).toContain('Assessed → Being treated');
    expect(text).toContain('3 Possible → 4 Likely');
    expect(text).toContain('TalentSift');
    // The SoA row is named by its control's id and title.
    expect(text).toMatch(/A\.2\.2 \S/);
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/"assessed"|"treating"|risk-treatment/);
  });

  it('names a new row by its title and a record missing from the sheet by its ref and title', async () => {
    const changes = await check(
      await editedWorkbook([
        { sheet: 'Risks', row: 2, column: 'Id', value: '' },
        { sheet: 'Risks', row: 2, column: 'Title', value: 'Vendor lock-in' },
      ]),
    );
    const items = within(changes)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items.some((t) => t.includes('Vendor lock-in'))).toBe(true);
    expect(changes.textContent).not.toMatch(UUID);
    expect(screen.getByText(/R-001 Resume model discriminates/, { selector: 'p' })).toBeTruthy();
  });
});

describe('SpreadsheetPanel import preview of many changed records', () => {
  it('lists the first 20 changed records and every one of them after "Show all"', async () => {
    for (let i = 2; i <= 25; i++) {
      const risk = await createRisk(wsId, `Risk number ${i}`);
      if (!risk.ok) throw new Error(risk.code);
    }
    const changes = await check(
      await editedWorkbook(Array.from({ length: 25 }, (_, k) => ({ sheet: 'Risks', row: k + 2, column: 'Owner', value: `Owner ${k + 1}` }))),
    );
    const records = () => changes.querySelectorAll(':scope > li');
    expect(records()).toHaveLength(20);
    expect(screen.getByText('Showing the first 20 of 25 records.')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Show all 25 records' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(changes.id);

    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The rest comes 20 records a frame, not in the click's task.
    expect(records()).toHaveLength(20);
    await waitFor(() => expect(records()).toHaveLength(25));
    expect(toggle.textContent?.trim()).toBe('Show the first 20 only');
    for (let k = 1; k <= 25; k++) expect(changes.textContent).toContain(`Owner ${k}`);

    await fireEvent.click(toggle);
    expect(records()).toHaveLength(20);
  });
});
