import { beforeEach, describe, expect, it } from 'vitest';
import { useDatabase, type AimsDatabase } from '../../src/db/database';
import { applyImport, planImport, StalePlanError } from '../../src/db/bundle-write';
import { createRisk, saveRisk } from '../../src/db/risks-repo';
import { parseBundle, type ParsedBundle } from '../../src/io/bundle/bundle-import';
import { confirmImport } from '../../src/state/bundles';
import { freshDatabase } from '../support/db';
import { catalog, exportBundle, otherBrowser, seedWorkspace } from '../support/bundles';

let consultant: AimsDatabase;
beforeEach(async () => {
  consultant = await freshDatabase();
});

async function parse(bytes: Uint8Array): Promise<ParsedBundle> {
  const r = await parseBundle(bytes, 'bundle.aims.zip', catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.bundle;
}

/** The consultant's workspace goes to the client, who renames its first risk and sends it back. */
async function renamedByClient() {
  await seedWorkspace(consultant);
  const risk = (await consultant.risks.toArray()).sort((a, b) => a.ref.localeCompare(b.ref))[0]!;
  const ws = (await consultant.workspaces.toArray())[0]!;
  const sent = await exportBundle(ws.id, { exportedAt: '2026-11-27T10:00:00.000Z' });
  const other = await otherBrowser();
  await applyImport(await planImport(await parse(sent.bytes), { kind: 'new' }));
  await saveRisk(risk.id, { title: 'Client title' });
  const back = await exportBundle(ws.id, { exportedAt: new Date(Date.now() + 1000).toISOString() });
  useDatabase(consultant);
  other.close();
  return { ws, risk, bundle: await parse(back.bytes) };
}

describe('an import written from a preview that is out of date', () => {
  it('merging, stops with nothing written when a record it updates was edited here after the preview', async () => {
    const { ws, risk, bundle } = await renamedByClient();
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    expect(plan.conflicts).toEqual([]);
    expect(plan.lists.find((l) => l.table === 'risks')!.updated.map((r) => r.id)).toEqual([risk.id]);
    // Another tab describes the risk after the preview was made.
    await saveRisk(risk.id, { description: 'Edited in another tab' });
    const before = await consultant.risks.toArray();
    const error = await applyImport(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).records.map((r) => r.row.id)).toEqual([risk.id]);
    expect(await consultant.risks.toArray()).toEqual(before);
    // Said by the record's number and title, and the page is told to plan again.
    const said = await confirmImport(plan, new Map(), catalog);
    expect(said && 'refused' in said && said.replan).toBe(true);
    expect(said && 'refused' in said ? said.refused[0]!() : '').toContain(`${risk.ref} ${risk.title}`);
    // Planned again, the edit is a conflict: both sides changed the risk since the exchange.
    const again = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    expect(again.conflicts.map((c) => c.id)).toEqual([risk.id]);
  });

  it('merging, stops when a record it updates was deleted here after the preview', async () => {
    const { ws, risk, bundle } = await renamedByClient();
    const plan = await planImport(bundle, { kind: 'merge', targetId: ws.id });
    await consultant.risks.delete(risk.id);
    await expect(applyImport(plan)).rejects.toBeInstanceOf(StalePlanError);
    expect(await consultant.risks.get(risk.id)).toBeUndefined();
  });

  it('replacing, stops with nothing removed when a record was created or edited here after the preview', async () => {
    const { ws, risk, bundle } = await renamedByClient();
    const plan = await planImport(bundle, { kind: 'replace', targetId: ws.id });
    const created = await createRisk(ws.id, 'Created after the preview');
    if (!created.ok) throw new Error('not created');
    await saveRisk(risk.id, { owner: 'Edited after the preview' });
    const before = await consultant.risks.toArray();
    const error = await applyImport(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).records.map((r) => r.row.id).sort()).toEqual([created.value.id, risk.id].sort());
    expect(await consultant.risks.toArray()).toEqual(before);
    // Made again, the preview counts the new record among those the replace removes.
    const again = await planImport(bundle, { kind: 'replace', targetId: ws.id });
    expect(again.summary.find((s) => s.table === 'risks')!.removed).toBe(1);
    await applyImport(again);
    expect(await consultant.risks.get(created.value.id)).toBeUndefined();
  });
});
