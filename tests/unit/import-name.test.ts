import { describe, expect, it } from 'vitest';
import { proposeImportName } from '../../src/domain/import-name';
import { workspaceNameSchema } from '../../src/domain/workspace-schema';

const label = (name: string) => `${name} (imported 2031-05-02)`;

describe('proposeImportName', () => {
  it("keeps the bundle's name when no workspace has it", () => {
    expect(proposeImportName('Acme', ['Other', 'Acme (copy)'], label)).toBe('Acme');
  });

  it('tells an import apart from a workspace of the same name (spaces and case aside), numbering when that is taken too', () => {
    expect(proposeImportName('Acme', ['Acme'], label)).toBe('Acme (imported 2031-05-02)');
    expect(proposeImportName(' acme ', ['Acme'], label)).toBe('acme (imported 2031-05-02)');
    expect(proposeImportName('Acme', ['Acme', 'Acme (imported 2031-05-02)'], label)).toBe('Acme (imported 2031-05-02) (2)');
  });

  it('shortens a long name so the proposal is still a valid workspace name', () => {
    const long = 'Großunternehmen '.repeat(8).trim().slice(0, 120);
    const proposed = proposeImportName(long, [long], label);
    expect(proposed).toMatch(/^Großunternehmen .*… \(imported 2031-05-02\)$/);
    expect(workspaceNameSchema.safeParse(proposed).success).toBe(true);
    expect(proposed.length).toBeLessThanOrEqual(120);
  });
});
