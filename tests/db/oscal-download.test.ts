import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCycleRecord } from '../../src/db/cycle-repo';
import { createWorkspace } from '../../src/db/workspaces-repo';
import type { Workspace } from '../../src/domain/workspace-schema';
import { downloadOscal } from '../../src/state/oscal';
import { shippedCatalog } from '../support/catalog';
import { freshDatabase } from '../support/db';

// The download itself needs a DOM: capture the blob the page would save instead.
const saved = vi.hoisted(() => ({ blobs: [] as Blob[] }));
vi.mock('../../src/state/download', () => ({ downloadBlob: (blob: Blob) => saved.blobs.push(blob) }));

let ws: Workspace;

beforeEach(async () => {
  await freshDatabase();
  saved.blobs.length = 0;
  const r = await createWorkspace('Acme', '1.0.0', new Date('2020-01-01T00:00:00.000Z'));
  if (!r.ok) throw new Error(r.code);
  ws = r.value;
});

async function sspDescription(): Promise<string> {
  await downloadOscal('ssp', ws.id, shippedCatalog());
  const doc = JSON.parse(await saved.blobs[0]!.text()) as { 'system-security-plan': { 'system-characteristics': { description: string } } };
  return doc['system-security-plan']['system-characteristics'].description;
}

describe('OSCAL SSP download', () => {
  it('takes the scope statement from the workspace’s scope record (4.3)', async () => {
    const r = await createCycleRecord(ws.id, 'scope', 'AIMS scope', { statement: 'All AI systems of the claims department.' });
    expect(r.ok).toBe(true);
    expect(await sspDescription()).toContain('Scope (clause 4.3):\n\nAll AI systems of the claims department.');
  });

  it('says no scope statement is recorded when the workspace has no scope record', async () => {
    expect(await sspDescription()).toMatch(/No scope statement has been recorded yet/);
  });
});
