// @vitest-environment jsdom
import '@testing-library/svelte/vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
    runWorker: (req: { bytes: Uint8Array; fileName: string }, _progress: unknown, pick: (r: unknown) => unknown) => ({
      done: readWorkbook(req.bytes, req.fileName, {}, {}).then((result) => pick({ type: 'sheets', result })),
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
beforeEach(async () => {
  await freshDatabase();
  const created = await createWorkspace('Stepper Co', '1.0.0');
  if (!created.ok) throw new Error(created.code);
  ws = created.value;
});

const stepItems = () => within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');

describe('the mapping wizard stepper', () => {
  it('lists the steps as separate items, the current one marked as the step, those before it as done', async () => {
    render(MappingWizard, { workspaceId: ws.id, catalog: shippedCatalog() });
    let items = stepItems();
    expect(items.map((li) => li.querySelector('.name')?.textContent)).toEqual(['Choose the file', 'Sheet and header row', 'Columns', 'Values', 'Preview']);
    expect(items[0]!.getAttribute('aria-current')).toBe('step');
    expect(items.filter((li) => li.hasAttribute('aria-current'))).toHaveLength(1);
    expect(items[0]!.textContent).not.toContain('(done)');

    const input = screen.getByLabelText('Your own spreadsheet (.xlsx, .xls, .ods or .csv)');
    const file = new File([readFileSync('tests/fixtures/foreign-sheets/risk-register-zh.csv')], 'risks.csv');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fireEvent.change(input);
    // The drop zone names the chosen file and its size.
    expect(screen.getByText('risks.csv', { exact: false }).textContent).toMatch(/^risks\.csv \(\d+ B\)$/);
    await fireEvent.click(screen.getByRole('button', { name: 'Read the file' }));
    await screen.findByRole('heading', { level: 3, name: 'Sheet and header row' });
    items = stepItems();
    expect(items[1]!.getAttribute('aria-current')).toBe('step');
    expect(items[0]!.getAttribute('aria-current')).toBeNull();
    expect(items[0]!.textContent).toContain('(done)');
    expect(items[0]!.querySelector('.mark')?.textContent).toBe('✓');
    expect(items[2]!.querySelector('.mark')?.textContent).toBe('3');
  });
});
