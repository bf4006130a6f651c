import { database } from '../../src/db/database';
import { createRisk } from '../../src/db/risks-repo';
import { newId } from '../../src/domain/ids';
import type { RiskPatch } from '../../src/domain/risk-schema';

/**
 * `count` risks in a workspace, fast: one made by the app, the rest copies of it written at once
 * (…, titles "Risk 2" …). For pages that draw long lists a page at a time.
 */
export async function manyRisks(workspaceId: string, count: number, extra: RiskPatch = {}): Promise<void> {
  const r = await createRisk(workspaceId, 'Risk 1', extra);
  if (!r.ok) throw new Error(r.code);
  const copies = Array.from({ length: count - 1 }, (_, i) => ({ ...r.value, id: newId(), ref: `R-${String(i + 2).padStart(3, '0')}`, title: `Risk ${i + 2}` }));
  await database().risks.bulkPut(copies);
}
