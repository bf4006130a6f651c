import { it } from 'vitest';
import * as XLSX from 'xlsx';
import { writeFileSync } from 'node:fs';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import { exportWorkbook } from '../../src/io/workbook-export';
import { readWorkbook } from '../../src/io/sheet-read';
import { planWorkbookImport } from '../../src/io/workbook-import';
import { catalog } from '../support/bundles';

it('explore', async () => {
  const g = generateWorkspace({ seed: 42, risks: 10000, aiSystems: 500, ownControls: 200, impactAssessments: 25 });
  const d = { catalog, workspace: g.workspace, assessments: [], aiSystems: g.aiSystems, risks: g.risks, ownControls: g.ownControls, impactAssessments: g.impactAssessments };
  let t = performance.now();
  const bytes = await exportWorkbook(d as never, '2026-11-27T10:00:00.000Z', '0.1.0');
  console.log('export ms', performance.now() - t, bytes.length);
  writeFileSync('/tmp/explore/app.xlsx', bytes);
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  for (const n of wb.SheetNames) { const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1 }); console.log(n, rows.length, Math.max(...rows.map((r) => r.length)), JSON.stringify(rows[0]), JSON.stringify(rows[1]).slice(0, 600)); }
  console.log(JSON.stringify(g.risks[0]));
  console.log(JSON.stringify(g.aiSystems[0]));
  console.log(JSON.stringify(g.ownControls[0]));
  console.log(JSON.stringify(g.impactAssessments[0]).slice(0, 1500));
  t = performance.now();
  const r = await readWorkbook(bytes, 'a.xlsx');
  console.log('read ms', performance.now() - t);
  t = performance.now();
  if (r.ok) { const plan = planWorkbookImport(r.sheets, d as never); console.log('plan ms', performance.now() - t, plan.writes.length, plan.rowsWithErrors); }
}, 300000);
