/**
 * Every Dexie schema version the app has ever shipped, oldest first. Never edit a
 * published entry: add a new one (with an upgrade function in ./upgrades) instead.
 * Tests open a database at each old version and upgrade it with the current code.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
    },
  },
];

export const currentSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version;
