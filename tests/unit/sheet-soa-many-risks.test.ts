import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import { readWorkbook } from '../../src/io/sheets/sheet-read';
import type { WorkbookData } from '../../src/io/sheets/workbook-data';
import { exportWorkbook } from '../../src/io/sheets/workbook-export';
import { catalog } from '../support/bundles';

describe('the SoA sheet of a workspace with thousands of risks', () => {
  it('exports when one control treats more risks than a cell holds: as many refs as fit, then how many more', { timeout: 60_000 }, async () => {
    const g = generateWorkspace({ seed: 5, risks: 5_000, aiSystems: 20, ownControls: 5, impactAssessments: 1 });
    // Every open risk treated by A.6.2.4: its "Risk treatment" cell would list 5,000 refs (about 40,000 characters).
    const risks = g.risks.map((r) => ({ ...r, annexAControls: ['A.6.2.4'], status: r.status === 'closed' ? 'treating' : r.status }));
    const d = { catalog, workspace: g.workspace, assessments: [], aiSystems: g.aiSystems, risks, ownControls: [], impactAssessments: [], cycleRecords: [] };
    const bytes = await exportWorkbook(d as never as WorkbookData, '2026-12-07T10:00:00.000Z', '0.1.0');
    const read = await readWorkbook(bytes, 'book.xlsx');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const soa = read.sheets.find((s) => s.name === 'Statement of Applicability')!;
    const col = soa.rows[0]!.indexOf('Risk treatment');
    const cell = String(soa.rows.find((r) => r[0] === 'A.6.2.4')![col]);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    const shown = cell.split(', ').slice(0, -1);
    const sorted = [...risks].sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true })).map((r) => r.ref);
    expect(shown).toEqual(sorted.slice(0, shown.length));
    expect(cell.endsWith(`, … and ${5_000 - shown.length} more`)).toBe(true);
    // A control treated by a few risks lists them all, as before.
    expect(soa.rows.find((r) => r[0] === 'A.2.2')![col]).toBeNull();
  });
});
