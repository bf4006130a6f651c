import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AimsDatabase, useDatabase } from '../../src/db/database';
import { listAssessments } from '../../src/db/assessments-repo';
import { getEvidenceFile, listEvidence } from '../../src/db/evidence-repo';
import { currentSchemaVersion, schemaVersions } from '../../src/db/schema-versions';
import { getLastWorkspaceId, listWorkspaces } from '../../src/db/workspaces-repo';
import { bytesOf, makeAssessment, makeFileEvidence, makeLinkEvidence, makeWorkspace } from '../support/factories';

/** The tables AimsDatabase declares (its `Table` fields). */
const DECLARED_TABLES = ['assessments', 'evidence', 'evidenceFiles', 'settings', 'workspaces'];

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

describe('schemaVersions', () => {
  it('has strictly increasing version numbers', () => {
    expect(schemaVersions.length).toBeGreaterThan(0);
    for (let i = 1; i < schemaVersions.length; i++) {
      expect(schemaVersions[i]!.version).toBeGreaterThan(schemaVersions[i - 1]!.version);
    }
    expect(currentSchemaVersion).toBe(schemaVersions[schemaVersions.length - 1]!.version);
  });

  it('lists every table AimsDatabase declares in the newest version', () => {
    const newest = schemaVersions[schemaVersions.length - 1]!;
    const live = Object.entries(newest.stores)
      .filter(([, spec]) => spec !== null)
      .map(([name]) => name)
      .sort();
    expect(live).toEqual(DECLARED_TABLES);
  });

  it('opens with exactly the declared tables, each reachable as a property', async () => {
    const db = new AimsDatabase(uniqueName(currentSchemaVersion));
    connections.push(db);
    await db.open();
    expect(db.verno).toBe(currentSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(DECLARED_TABLES);
    for (const name of DECLARED_TABLES) {
      // A class field left undefined (e.g. by class-field semantics) would break every repository.
      expect((db[name as keyof AimsDatabase] as { name?: unknown } | undefined)?.name).toBe(name);
    }
  });
});

describe.each(schemaVersions.map((v) => [v.version, v] as const))('upgrading a database written at schema version %i', (version, entry) => {
  it('keeps every record readable through the repositories', async () => {
    const name = uniqueName(version);
    const tables = new Set(Object.entries(entry.stores).filter(([, s]) => s !== null).map(([t]) => t));

    // Representative records (today's shapes; a version with different shapes needs its own fixtures).
    const ws = makeWorkspace({ name: 'Legacy workspace' });
    const assessment = makeAssessment(ws.id, { itemId: 'A.5.2' });
    const link = makeLinkEvidence(ws.id, { addedAt: '2025-01-01T00:00:00.000Z' });
    const file = makeFileEvidence(ws.id, 4, { addedAt: '2025-01-02T00:00:00.000Z' });
    const blob = new Blob([new Uint8Array([9, 8, 7, 6])], { type: 'application/pdf' });

    const raw = new Dexie(name);
    raw.version(version).stores(entry.stores);
    connections.push(raw);
    await raw.open();
    if (tables.has('workspaces')) await raw.table('workspaces').add(ws);
    if (tables.has('assessments')) await raw.table('assessments').add(assessment);
    if (tables.has('evidence')) await raw.table('evidence').bulkAdd([link, file]);
    if (tables.has('evidenceFiles')) await raw.table('evidenceFiles').add({ id: file.id, workspaceId: ws.id, blob });
    if (tables.has('settings')) await raw.table('settings').add({ key: 'lastWorkspaceId', value: ws.id });
    raw.close();

    const upgraded = new AimsDatabase(name);
    connections.push(upgraded);
    await upgraded.open();
    useDatabase(upgraded);
    expect(upgraded.verno).toBe(currentSchemaVersion);

    expect(await listWorkspaces()).toEqual([ws]);
    expect(await listAssessments(ws.id)).toEqual([assessment]);
    expect(await listEvidence(ws.id)).toEqual([link, file]);
    expect(await bytesOf(await getEvidenceFile(file.id))).toEqual([9, 8, 7, 6]);
    expect(await getLastWorkspaceId()).toBe(ws.id);
    // The compound unique index still finds the assessment the way saveAssessment looks it up.
    expect(await upgraded.assessments.where('[workspaceId+itemId]').equals([ws.id, 'A.5.2']).count()).toBe(1);
  });
});
