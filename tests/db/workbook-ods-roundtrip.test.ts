import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AimsDatabase } from '../../src/db/database';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import { planWorkbookImport } from '../../src/io/sheets/workbook-import';
import { EXPORTED_AT, seedWorkspace } from '../support/bundles';
import { freshDatabase } from '../support/db';
import { workbookDataOf } from '../support/workbook';

/**
 * The full workbook saved again by LibreOffice as .ods reads back with no change at all, as the
 * .xlsx does: spaces at either end, runs of spaces, line breaks and text such as "_x0041_" included.
 * Needs LibreOffice on the machine (Debian: libreoffice-calc-nogui); skipped where it is absent.
 */
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

let db: AimsDatabase;
let wsId: string;
beforeEach(async () => {
  db = await freshDatabase();
  wsId = (await seedWorkspace(db, 5, { aiSystems: 2, risks: 3, ownControls: 1, impactAssessments: 0 })).ws.id;
  const [system] = await db.aiSystems.where('workspaceId').equals(wsId).toArray();
  await db.aiSystems.update(system!.id, { name: '  spaced  name ', description: '_x0041_ and _x005F_\nline  two ', owner: 'trail ' });
});

describe.skipIf(!soffice)('a full workbook through LibreOffice', () => {
  it('export → LibreOffice saves it as .ods → import finds no differences, and nothing reaches the console', { timeout: 120_000 }, async () => {
    const d = await workbookDataOf(wsId);
    const dir = mkdtempSync(join(tmpdir(), 'aims-ods-'));
    writeFileSync(join(dir, 'workbook.xlsx'), await exportWorkbook(d, EXPORTED_AT, '0.1.0'));
    execFileSync(soffice!, ['--headless', '--convert-to', 'ods', '--outdir', dir, join(dir, 'workbook.xlsx')], {
      env: { ...process.env, HOME: dir },
      stdio: 'ignore',
      timeout: 100_000,
    });
    const error = vi.spyOn(console, 'error');
    const read = await readWorkbook(new Uint8Array(readFileSync(join(dir, 'workbook.ods'))), 'workbook.ods');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const plan = planWorkbookImport(read.sheets, d);
    expect(plan.parts.flatMap((p) => p.problems)).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.origin).toBe('export');
    expect(error).not.toHaveBeenCalled();
  });
});
