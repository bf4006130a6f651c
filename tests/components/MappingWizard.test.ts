// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listMappings } from '../../src/db/mappings-repo';
import { listRisks } from '../../src/db/risks-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import MappingWizard from '../../src/ui/MappingWizard.svelte';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';

// jsdom has no Worker: the sheet reader runs in-process, exactly as the worker would run it.
vi.mock('../../src/state/bundles', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/state/bundles')>();
  const { readWorkbook } = await import('../../src/io/sheets/sheet-read');
  return {
    ...original,
    runWorker: (
      req: { type: string; bytes: Uint8Array; fileName: string; csvEncoding?: 'windows-1252' },
      _progress: unknown,
      pick: (r: unknown) => unknown,
    ) => ({
      done: readWorkbook(req.bytes, req.fileName, {}, req.csvEncoding ? { csvEncoding: req.csvEncoding } : {}).then((result) =>
        pick({ type: 'sheets', result }),
      ),
      cancel() {},
    }),
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

let ws: Workspace;
const catalog = shippedCatalog();

beforeEach(async () => {
  await freshDatabase();
  const created = await createWorkspace('风险工作区', '1.0.0');
  if (!created.ok) throw new Error(created.code);
  ws = created.value;
});

function fileOf(name: string): File {
  return new File([readFileSync(`tests/fixtures/foreign-sheets/${name}`)], name);
}

async function choose(name: string) {
  const input = screen.getByLabelText('Your own spreadsheet (.xlsx, .xls, .ods or .csv)');
  Object.defineProperty(input, 'files', { value: [fileOf(name)], configurable: true });
  await fireEvent.change(input);
  await fireEvent.click(screen.getByRole('button', { name: 'Read the file' }));
}

const step = (name: string) => screen.findByRole('heading', { level: 3, name });
const select = (label: string | RegExp) => screen.getByLabelText(label) as HTMLSelectElement;
const chosen = (el: HTMLSelectElement) => el.selectedOptions[0]?.textContent?.trim();

async function throughToValues() {
  await choose('risk-register-zh.csv');
  await step('Sheet and header row');
  expect(chosen(select(/^Header row/))).toMatch(/^Row 1: 序号 \| 风险名称/);
  await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await step('Columns');
  expect(chosen(select('Field for column 序号'))).toBe('Ignore this column');
  expect(chosen(select('Field for column 风险名称'))).toBe('Title');
  expect(chosen(select('Field for column 可能性'))).toBe('Inherent likelihood');
  await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await step('Values');
}

describe('MappingWizard', () => {
  it('imports the Chinese CSV: columns and values suggested, blank and totals rows skipped', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog });
    await throughToValues();
    const likelihood = screen.getByRole('group', { name: 'Column 可能性 → Inherent likelihood' });
    expect(chosen(within(likelihood).getByLabelText('"高" (rows: 1)'))).toBe('4 · Likely');
    const status = screen.getByRole('group', { name: 'Column 状态 → Status' });
    expect(chosen(within(status).getByLabelText('"进行中" (rows: 1)'))).toBe('Being treated');
    // The workspace has no AI systems yet: those names are unmapped until the user decides.
    const systems = screen.getByRole('group', { name: 'Column 系统名称 → AI systems affected (by name)' });
    expect(within(systems).getByText('Values not mapped yet: 2.')).toBeTruthy();
    for (const label of ['"贷款评分模型" (rows: 2)', '"智能客服" (rows: 1)']) {
      await fireEvent.change(within(systems).getByLabelText(label), { target: { value: 'empty' } });
    }
    expect(within(systems).queryByText(/not mapped yet/)).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await step('Preview');
    expect(screen.getByTestId('mapping-summary').textContent).toBe('Risks to create: 3.');
    expect(screen.getByText('Blank rows skipped: 1.')).toBeTruthy();
    expect(screen.getByText('Totals rows skipped: 1 (rows: 6).')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    const table = screen.getByRole('table', { name: 'Rows to create (first 3 of 3)' });
    expect(table.textContent).toContain('贷款评分模型对部分人群存在偏见');
    // Values as the app words them: a rating by its level number and name, a choice by its label, a date in the locale.
    expect(table.textContent).toContain('4 Likely');
    expect(table.textContent).toContain('Being treated');
    expect(table.textContent).toContain('Mar 31, 2026');
    expect(table.textContent).not.toMatch(/treating|identified|2026-03-31/);

    await fireEvent.click(screen.getByRole('button', { name: 'Import 3 risks' }));
    await step('Imported');
    expect(screen.getByText('Risks imported into the risk register: 3.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the risk register' }).getAttribute('href')).toBe(`#/w/${ws.id}/risks`);
    const risks = await listRisks(ws.id);
    expect(risks.map((r) => r.title).sort()).toEqual(['客服机器人编造费用信息', '训练数据包含未经授权的个人信息', '贷款评分模型对部分人群存在偏见'].sort());
  });

  it('lists rows with unmapped values as problems naming row and column', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog });
    await throughToValues();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await step('Preview');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Rows with problems, not imported: 3.');
    expect(alert.textContent).toContain(
      'Sheet risk-register-zh, row 2, column 系统名称: "贷款评分模型" is not mapped to a value of AI systems affected (by name)',
    );
    expect(screen.getByTestId('mapping-summary').textContent).toBe('Risks to create: 0.');
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('blocks the columns step until the title has a column', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog });
    await choose('risk-register-zh.csv');
    await step('Sheet and header row');
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await step('Columns');
    await fireEvent.change(select('Field for column 风险名称'), { target: { value: '' } });
    expect(screen.getByRole('alert').textContent).toContain('Choose the column that holds the Title.');
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the encoding when it is only a guess, and reads again with the answer', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog });
    await choose('risk-register-fr-1252.csv');
    const ask = await screen.findByText(/encoding of this CSV file could not be detected/);
    expect(ask.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'The first rows as read' }).textContent).toContain('Hélène Garçon');
    await fireEvent.change(select('Text encoding (CSV only)'), { target: { value: 'windows-1252' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Read again' }));
    await step('Sheet and header row');
    expect(screen.getByRole('table', { name: /The top of sheet/ }).textContent).toContain('Stéphane Bérard');
  });

  it('saves a mapping and offers it for the next file with the same headers', async () => {
    const first = render(MappingWizard, { workspaceId: ws.id, catalog });
    await throughToValues();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await step('Preview');
    await fireEvent.input(screen.getByLabelText('Save this mapping for the next file as'), { target: { value: '集团风险登记册' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
    await waitFor(() => expect(screen.getByTestId('mapping-status').textContent).toBe('Mapping "集团风险登记册" saved.'));
    expect((await listMappings()).mappings.map((m) => m.name)).toEqual(['集团风险登记册']);
    first.unmount();

    render(MappingWizard, { workspaceId: ws.id, catalog });
    await choose('risk-register-zh.csv');
    await step('Sheet and header row');
    const offers = screen.getByRole('group', { name: 'Saved mappings that fit this sheet' });
    expect(offers.textContent).toContain('集团风险登记册 (100% of its columns are here)');
    await fireEvent.click(within(offers).getByRole('button', { name: 'Use "集团风险登记册"' }));
    expect(screen.getByTestId('mapping-status').textContent).toContain('Mapping "集团风险登记册" applied.');
  });

  it('refuses a CSV whose quoted field is never closed, naming the line where the quote opens', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog });
    const input = screen.getByLabelText('Your own spreadsheet (.xlsx, .xls, .ods or .csv)');
    const csv = 'Title,Notes\r\n"Two\nlines",x\r\nBias,"never closed\r\nLeak,y\r\n';
    Object.defineProperty(input, 'files', { value: [new File([csv], 'broken.csv')], configurable: true });
    await fireEvent.change(input);
    await fireEvent.click(screen.getByRole('button', { name: 'Read the file' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('broken.csv: A quoted field is never closed: it opens on line 4;');
    expect(screen.queryByRole('heading', { level: 3, name: 'Sheet and header row' })).toBeNull();
  });
});
