import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkspace, getWorkspace, saveRiskMatrix } from '../../src/db/workspaces-repo';
import { toCisoLibrary } from '../../src/domain/ciso-export';
import { matrixFromCiso } from '../../src/domain/ciso-import';
import { parseMatrixFile } from '../../src/io/ciso/ciso-file';
import { freshDatabase } from '../support/db';

describe('a matrix imported from CISO Assistant, stored', () => {
  it('keeps its origin, colours and translations through the database, so a later export still updates it there', async () => {
    await freshDatabase();
    const created = await createWorkspace('Stored Co', '1.0.0');
    if (!created.ok) throw new Error(created.code);
    const ws = created.value;
    const parsed = await parseMatrixFile(readFileSync('tests/fixtures/matrices/ciso/library-fr-3x3.yaml', 'utf8'));
    const imported = parsed.ok ? matrixFromCiso(parsed.data) : null;
    if (!imported?.ok) throw new Error('fixture did not import');
    await saveRiskMatrix(ws.id, imported.matrix);
    const stored = (await getWorkspace(ws.id))!.riskMatrix;
    expect(stored).toEqual(imported.matrix);
    const lib = toCisoLibrary(stored, 'en') as { urn: string; version: number; objects: { risk_matrix: { urn: string }[] } };
    expect([lib.urn, lib.version, lib.objects.risk_matrix[0]!.urn]).toEqual(['urn:example:risk:library:ia-3x3', 5, 'urn:example:risk:matrix:ia-3x3']);
  });
});
