import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import fixtureV1 from '../fixtures/db-v1/workspace.json';
import { AimsDatabase, useDatabase } from '../../src/db/database';
import { createAiSystem, listAiSystems } from '../../src/db/ai-systems-repo';
import { listAssessments, saveAssessment } from '../../src/db/assessments-repo';
import { getEvidenceFile, listEvidence } from '../../src/db/evidence-repo';
import { listImpactAssessments } from '../../src/db/impact-assessments-repo';
import { listOwnControls } from '../../src/db/own-controls-repo';
import { createRisk, listRisks } from '../../src/db/risks-repo';
import { createCycleRecord, listCycleRecords, saveCycleRecord } from '../../src/db/cycle-repo';
import { cycleKinds, registerOf } from '../../src/domain/cycle/registry';
import { listRecordHistory, listWorkspaceHistory } from '../../src/db/history-repo';
import { listTrash, restoreFromTrash, type TrashEntry } from '../../src/db/trash-repo';
import { deleteOwnControl } from '../../src/db/own-controls-repo';
import { historyEntry } from '../../src/domain/history';
import { currentSchemaVersion, schemaVersions, workspaceTables } from '../../src/db/schema-versions';
import { getLastWorkspaceId, getWorkspace, listWorkspaces, saveProfile, saveRiskMatrix } from '../../src/db/workspaces-repo';
import { DEFAULT_PRESET, presetMatrix } from '../../src/domain/risk-matrix-presets';
import { workspaceSchema } from '../../src/domain/workspace-schema';
import {
  bytesOf,
  makeAiSystem,
  makeAssessment,
  makeFileEvidence,
  makeImpactAssessment,
  makeLinkEvidence,
  makeOwnControl,
  makeRisk,
  makeWorkspace,
  buildCycleRecord,
} from '../support/factories';

/** The tables AimsDatabase declares (its `Table` fields). */
const DECLARED_TABLES = [
  'aiSystems',
  'assessments',
  'cache',
  'cycleRecords',
  'evidence',
  'evidenceFiles',
  'history',
  'impactAssessments',
  'ownControls',
  'risks',
  'settings',
  'trash',
  'workspaces',
];
/** What version 5 adds to every stored profile. */
const V5_PROFILE = { logo: null, colour: null, isms27001: false };
/** Tables added by schema version 2. */
const V2_TABLES = ['aiSystems', 'risks', 'ownControls', 'impactAssessments'] as const;

const created: string[] = [];
const connections: Dexie[] = [];

afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  for (const name of created.splice(0)) await Dexie.delete(name);
});

function uniqueName(version: number): string {
  const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
  created.push(name);
  return name;
}

function liveTables(stores: Record<string, string | null>): string[] {
  return Object.entries(stores)
    .filter(([, spec]) => spec !== null)
    .map(([name]) => name)
    .sort();
}

/** Writes rows into a database created with nothing but the stores of one old version. */
async function writeRaw(name: string, version: number, rows: Record<string, unknown[]>): Promise<void> {
  const entry = schemaVersions.find((v) => v.version === version)!;
  const raw = new Dexie(name);
  raw.version(version).stores(entry.stores);
  connections.push(raw);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await raw.table(table).bulkAdd(list);
  });
  raw.close();
}

async function openCurrent(name: string): Promise<AimsDatabase> {
  const db = new AimsDatabase(name);
  connections.push(db);
  await db.open();
  useDatabase(db);
  return db;
}

describe('schemaVersions', () => {
  it('has strictly increasing version numbers', () => {
    expect(schemaVersions.length).toBeGreaterThan(0);
    for (let i = 1; i < schemaVersions.length; i++) {
      expect(schemaVersions[i]!.version).toBeGreaterThan(schemaVersions[i - 1]!.version);
    }
    expect(currentSchemaVersion).toBe(schemaVersions[schemaVersions.length - 1]!.version);
  });

  it('lists every table AimsDatabase declares in the newest version', () => {
    expect(liveTables(schemaVersions[schemaVersions.length - 1]!.stores)).toEqual(DECLARED_TABLES);
  });

  it('names only live tables, each with a workspaceId index, as workspace tables', () => {
    const newest = schemaVersions[schemaVersions.length - 1]!.stores;
    for (const t of workspaceTables) expect(newest[t]).toMatch(/(^|,\s*)workspaceId(,|$)/);
  });

  it('opens with exactly the declared tables, each reachable as a property', async () => {
    const db = await openCurrent(uniqueName(currentSchemaVersion));
    expect(db.verno).toBe(currentSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(DECLARED_TABLES);
    for (const name of DECLARED_TABLES) {
      // A class field left undefined (e.g. by class-field semantics) would break every repository.
      expect((db[name as keyof AimsDatabase] as { name?: unknown } | undefined)?.name).toBe(name);
    }
  });
});

describe.each(schemaVersions.map((v) => [v.version, v] as const))('a database written at schema version %i', (version, entry) => {
  it('opens with the current code and keeps every record readable through the repositories', async () => {
    const name = uniqueName(version);
    const tables = new Set(liveTables(entry.stores));

    // Today's shapes; version 1 shapes have their own fixture below.
    const ws = makeWorkspace({ name: 'Representative workspace' });
    const assessment = makeAssessment(ws.id, { itemId: 'A.5.2' });
    const link = makeLinkEvidence(ws.id, { addedAt: '2025-01-01T00:00:00.000Z' });
    const file = makeFileEvidence(ws.id, 4, { addedAt: '2025-01-02T00:00:00.000Z' });
    const blob = new Blob([new Uint8Array([9, 8, 7, 6])], { type: 'application/pdf' });
    const system = makeAiSystem(ws.id);
    const control = makeOwnControl(ws.id);
    const risk = makeRisk(ws.id, { aiSystemIds: [system.id], ownControlIds: [control.id] });
    const ia = makeImpactAssessment(ws.id, system.id);
    const incident = buildCycleRecord(ws.id, 'incident', { aiSystemIds: [system.id] });
    const changed = historyEntry({
      id: crypto.randomUUID(),
      workspaceId: ws.id,
      table: 'risks',
      recordId: risk.id,
      label: 'R-001 Bias',
      at: '2025-01-03T00:00:00.000Z',
      user: 'Dana',
      action: 'update',
      changes: [{ field: 'owner', before: '', after: 'Sam' }],
    });
    const deletedControl = makeOwnControl(ws.id, { name: 'Deleted control' });
    const trashed: TrashEntry = {
      id: crypto.randomUUID(),
      workspaceId: ws.id,
      deletedAt: '2025-01-04T00:00:00.000Z',
      user: 'Dana',
      label: deletedControl.name,
      table: 'ownControls',
      recordId: deletedControl.id,
      rows: [{ table: 'ownControls', row: deletedControl }],
      unlinks: [],
    };

    const rows: Record<string, unknown[]> = {
      workspaces: [ws],
      assessments: [assessment],
      evidence: [link, file],
      evidenceFiles: [{ id: file.id, workspaceId: ws.id, blob }],
      settings: [{ key: 'lastWorkspaceId', value: ws.id }],
      aiSystems: [system],
      ownControls: [control],
      risks: [risk],
      impactAssessments: [ia],
      cycleRecords: [incident],
      history: [changed],
      trash: [trashed],
    };
    await writeRaw(name, version, Object.fromEntries(Object.entries(rows).filter(([t]) => tables.has(t))));

    const upgraded = await openCurrent(name);
    expect(upgraded.verno).toBe(currentSchemaVersion);
    expect(await listWorkspaces()).toEqual([ws]);
    expect(await listAssessments(ws.id)).toEqual([assessment]);
    expect(await listEvidence(ws.id)).toEqual([link, file]);
    expect(await bytesOf(await getEvidenceFile(file.id))).toEqual([9, 8, 7, 6]);
    expect(await getLastWorkspaceId()).toBe(ws.id);
    // The compound unique index still finds the assessment the way saveAssessment looks it up.
    expect(await upgraded.assessments.where('[workspaceId+itemId]').equals([ws.id, 'A.5.2']).count()).toBe(1);
    if (tables.has('risks')) {
      expect(await listAiSystems(ws.id)).toEqual([system]);
      expect(await listOwnControls(ws.id)).toEqual([control]);
      expect(await listRisks(ws.id)).toEqual([risk]);
      expect(await listImpactAssessments(ws.id)).toEqual([ia]);
    }
    if (tables.has('cycleRecords')) expect(await listCycleRecords(ws.id)).toEqual([incident]);
    if (tables.has('history')) {
      expect(await listRecordHistory(risk.id)).toEqual([changed]);
      expect(await listTrash(ws.id)).toEqual([trashed]);
    }
  });
});

/** The fixture stores blobs as base64; everything else is the rows exactly as v1 wrote them. */
function fixtureRows(): Record<string, unknown[]> {
  const tables = structuredClone(fixtureV1.tables) as Record<string, Record<string, unknown>[]>;
  tables.evidenceFiles = tables.evidenceFiles!.map((row) => {
    const { type, base64 } = row.blob as { type: string; base64: string };
    return { ...row, blob: new Blob([Buffer.from(base64, 'base64')], { type }) };
  });
  return tables;
}

describe('upgrading the version 1 fixture (tests/fixtures/db-v1) to the current version', () => {
  const v1 = fixtureV1.tables;
  const wsV1 = v1.workspaces[0]!;

  async function upgradedFixture(): Promise<AimsDatabase> {
    expect(fixtureV1.schemaVersion).toBe(1);
    expect(wsV1).not.toHaveProperty('riskMatrix');
    const name = uniqueName(1);
    await writeRaw(name, 1, fixtureRows());
    return openCurrent(name);
  }

  it('keeps every v1 record as it was and gives the workspace the default risk criteria', async () => {
    const db = await upgradedFixture();
    expect(db.verno).toBe(currentSchemaVersion);

    const [ws, ...others] = await listWorkspaces();
    expect(others).toEqual([]);
    // Nothing else changed, not even updatedAt: the upgrades add criteria and the v5 profile fields, they are not user edits.
    expect(ws).toEqual({ ...wsV1, riskMatrix: presetMatrix(DEFAULT_PRESET), profile: { ...wsV1.profile, ...V5_PROFILE } });
    expect(workspaceSchema.parse(ws)).toEqual(ws);

    expect(await listAssessments(wsV1.id)).toEqual(v1.assessments);
    expect(await listEvidence(wsV1.id)).toEqual(v1.evidence);
    expect(await bytesOf(await getEvidenceFile(v1.evidenceFiles[0]!.id))).toEqual([...Buffer.from('%PDF')]);
    expect(await getLastWorkspaceId()).toBe(wsV1.id);
  });

  it('adds the new tables, empty', async () => {
    const db = await upgradedFixture();
    const names = db.tables.map((t) => t.name);
    for (const t of V2_TABLES) {
      expect(names).toContain(t);
      expect(await db.table(t).count()).toBe(0);
    }
  });

  it('lets the repositories work on the upgraded data', async () => {
    const db = await upgradedFixture();
    const first = await createRisk(wsV1.id, 'Claims model drifts after the 2025 tariff change');
    const second = await createRisk(wsV1.id, 'Second risk');
    expect(first.ok && first.value.ref).toBe('R-001');
    expect(second.ok && second.value.ref).toBe('R-002');
    const system = await createAiSystem(wsV1.id, 'Claims triage');
    expect(system.ok).toBe(true);
    expect((await listRisks(wsV1.id)).map((r) => r.ref).sort()).toEqual(['R-001', 'R-002']);
    expect(await db.aiSystems.count()).toBe(1);

    // Whole-record writes validate the upgraded workspace with the current schema.
    const matrix = presetMatrix('3x3');
    expect((await saveRiskMatrix(wsV1.id, matrix)).riskMatrix).toEqual(matrix);
    const saved = await saveAssessment(wsV1.id, '6.1.2', { status: 'implemented' });
    expect(saved).toMatchObject({ id: v1.assessments[0]!.id, notes: v1.assessments[0]!.notes, status: 'implemented' });
    expect((await getWorkspace(wsV1.id))?.profile).toEqual({ ...wsV1.profile, ...V5_PROFILE });
  });
});

describe('upgrading a version 2 database (before the management-system registers) to the current version', () => {
  async function upgradedV2() {
    const name = uniqueName(2);
    const ws = makeWorkspace({ name: 'Written by v2' });
    const system = makeAiSystem(ws.id);
    const risk = makeRisk(ws.id, { aiSystemIds: [system.id] });
    await writeRaw(name, 2, { workspaces: [ws], aiSystems: [system], risks: [risk] });
    const db = await openCurrent(name);
    return { db, ws, system, risk };
  }

  it('adds the management-system table, empty, and keeps the v2 records as they were', async () => {
    const { db, ws, system, risk } = await upgradedV2();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.cycleRecords.count()).toBe(0);
    expect(await listWorkspaces()).toEqual([ws]);
    expect(await listAiSystems(ws.id)).toEqual([system]);
    expect(await listRisks(ws.id)).toEqual([risk]);
  });

  it.each(cycleKinds)('lets the %s register create and save records on the upgraded database', async (kind) => {
    const { db, ws } = await upgradedV2();
    const created = await createCycleRecord(ws.id, kind, `First ${kind}`);
    if (!created.ok) throw new Error(created.code);
    expect(created.value.ref).toBe(`${registerOf(kind).refPrefix}-001`);
    const saved = await saveCycleRecord(created.value.id, { owner: 'Quality lead' });
    expect(saved.ok).toBe(true);
    expect(await db.cycleRecords.where('[workspaceId+kind]').equals([ws.id, kind]).count()).toBe(1);
    expect((await getWorkspace(ws.id))!.updatedAt > ws.updatedAt).toBe(true);
  });
});

describe('upgrading a version 3 database (before the change history and the trash) to the current version', () => {
  async function upgradedV3() {
    const name = uniqueName(3);
    const ws = makeWorkspace({ name: 'Written by v3' });
    const system = makeAiSystem(ws.id);
    const control = makeOwnControl(ws.id);
    const risk = makeRisk(ws.id, { aiSystemIds: [system.id], ownControlIds: [control.id] });
    const incident = buildCycleRecord(ws.id, 'incident', { aiSystemIds: [system.id] });
    await writeRaw(name, 3, {
      workspaces: [ws],
      aiSystems: [system],
      ownControls: [control],
      risks: [risk],
      cycleRecords: [incident],
      settings: [{ key: 'lastWorkspaceId', value: ws.id }],
    });
    const db = await openCurrent(name);
    return { db, ws, system, control, risk, incident };
  }

  it('keeps every v3 record as it was; the history and the trash start empty', async () => {
    const { db, ws, system, control, risk, incident } = await upgradedV3();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.history.count()).toBe(0);
    expect(await db.trash.count()).toBe(0);
    expect(await listWorkspaces()).toEqual([ws]);
    expect(await listAiSystems(ws.id)).toEqual([system]);
    expect(await listOwnControls(ws.id)).toEqual([control]);
    expect(await listRisks(ws.id)).toEqual([risk]);
    expect(await listCycleRecords(ws.id)).toEqual([incident]);
    expect(await getLastWorkspaceId()).toBe(ws.id);
  });

  it('records history and uses the trash on the upgraded database', async () => {
    const { db, ws, control, risk } = await upgradedV3();
    await saveRiskMatrix(ws.id, presetMatrix('3x3'));
    expect((await listWorkspaceHistory(ws.id)).map((h) => [h.table, h.action])).toEqual([['workspaces', 'update']]);
    await deleteOwnControl(control.id);
    expect((await db.risks.get(risk.id))!.ownControlIds).toEqual([]);
    const [trashed] = await listTrash(ws.id);
    const r = await restoreFromTrash(trashed!.id);
    expect(r.ok).toBe(true);
    expect(await db.risks.get(risk.id)).toEqual(risk);
    expect(await db.ownControls.get(control.id)).toEqual(control);
  });
});

describe('upgrading a version 4 database (before the logo, the workspace colour and the ISO/IEC 27001 flag) to the current version', () => {
  /** A workspace as version 4 stored it: its profile without the fields version 5 added. */
  function v4Workspace() {
    const ws = makeWorkspace({ name: 'Written by v4' });
    const { logo: _l, colour: _c, isms27001: _i, ...profile } = ws.profile;
    return { ...ws, profile };
  }

  it('gives the stored profile the new fields’ defaults and changes nothing else, so it reads as the schema reads it', async () => {
    const name = uniqueName(4);
    const ws = v4Workspace();
    await writeRaw(name, 4, { workspaces: [ws] });
    const db = await openCurrent(name);
    expect(db.verno).toBe(currentSchemaVersion);
    const [stored] = await listWorkspaces();
    expect(stored).toEqual({ ...ws, profile: { ...ws.profile, ...V5_PROFILE } });
    // The same workspace parsed from a bundle is then the same record: no spurious change in a merge.
    expect(workspaceSchema.parse(stored)).toEqual(stored);
  });

  it('keeps values a workspace already has', async () => {
    const name = uniqueName(4);
    const ws = { ...v4Workspace(), profile: { ...v4Workspace().profile, colour: 'teal' as const, isms27001: true } };
    await writeRaw(name, 4, { workspaces: [ws] });
    await openCurrent(name);
    expect((await listWorkspaces())[0]!.profile).toMatchObject({ colour: 'teal', isms27001: true, logo: null });
  });

  it('logs only the field a person changed when the upgraded profile is first saved', async () => {
    const name = uniqueName(4);
    const ws = v4Workspace();
    await writeRaw(name, 4, { workspaces: [ws] });
    await openCurrent(name);
    await saveProfile(ws.id, { sector: 'Insurance' });
    const entries = await listWorkspaceHistory(ws.id);
    expect(entries.flatMap((h) => h.changes.map((c) => c.field))).toEqual(['profile.sector']);
  });
});

describe('upgrading a version 5 database (before the dashboard figures kept between visits) to the current version', () => {
  it('adds the cache table, empty, keeps every record as it was, and stamps the first write', async () => {
    const name = uniqueName(5);
    const ws = makeWorkspace();
    const risk = makeRisk(ws.id);
    await writeRaw(name, 5, { workspaces: [ws], risks: [risk], settings: [{ key: 'lastWorkspaceId', value: ws.id }] });
    const db = await openCurrent(name);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await db.cache.count()).toBe(0);
    expect(await listRisks(ws.id)).toEqual([risk]);
    expect(await getLastWorkspaceId()).toBe(ws.id);
    await createRisk(ws.id, 'Second risk');
    expect((await db.cache.get('stamp'))?.value).toEqual(expect.any(String));
  });
});

describe('upgrading a version 6 database (before the log of risks written) to the current version', () => {
  it('keeps the kept figures and every record as they were, and lists the risks the first write touches', async () => {
    const name = uniqueName(6);
    const ws = makeWorkspace();
    const risk = makeRisk(ws.id);
    const kept = { key: `dashboard:${ws.id}`, value: { stamp: 's1', inputs: 'i', view: { any: 'figures' } } };
    await writeRaw(name, 6, { workspaces: [ws], risks: [risk], cache: [{ key: 'stamp', value: 's1' }, kept] });
    const db = await openCurrent(name);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(await listRisks(ws.id)).toEqual([risk]);
    expect(await db.cache.get(kept.key)).toEqual(kept);
    expect(await db.cache.get('risk-changes')).toBeUndefined();
    await createRisk(ws.id, 'Second risk');
    const second = (await listRisks(ws.id)).find((r) => r.title === 'Second risk')!;
    expect((await db.cache.get('stamp'))?.value).not.toBe('s1');
    expect(await db.cache.get('risk-changes')).toMatchObject({ value: { seq: 1, entries: [{ seq: 1, ids: [second.id] }] } });
  });
});
