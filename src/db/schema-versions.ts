/**
 * Every Dexie schema version the app has ever shipped, oldest first. Never edit a
 * published entry: add a new one (with an upgrade function in ./upgrades) instead.
 * Tests open a database at each old version and upgrade it with the current code.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
}

/**
 * Tables whose rows belong to one workspace (workspaceId index): deleted, copied and exported with it.
 * The trash (v4) belongs to a workspace too, but is not listed: it is deleted with the workspace
 * (deleteWorkspace names it itself) and never copied or exported — a copy starts with an empty trash.
 */
export const workspaceTables = [
  'assessments',
  'evidence',
  'evidenceFiles',
  'aiSystems',
  'risks',
  'ownControls',
  'impactAssessments',
  'cycleRecords',
  'history',
] as const;
export type WorkspaceTable = (typeof workspaceTables)[number];

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
  {
    // Issue 3: AI system inventory, risk register, own controls, impact assessments; risk criteria per workspace.
    version: 2,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
    },
  },
  {
    // Issue 6: the management-system registers (context, documents, objectives, audits, reviews,
    // nonconformities …) share one table; `kind` picks the schema.
    version: 3,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
      cycleRecords: 'id, workspaceId, [workspaceId+kind]',
    },
  },
  {
    // Issue 7: every record's change history, and a trash that deleted records wait in until restored or emptied.
    version: 4,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
      cycleRecords: 'id, workspaceId, [workspaceId+kind]',
      history: 'id, workspaceId, recordId, at',
      trash: 'id, workspaceId, deletedAt',
    },
  },
  {
    // Stop 6: the profile gains the logo (prints), the workspace colour (menu) and the ISO/IEC 27001
    // flag; no index changes, but stored workspaces get the new fields' defaults (upgrades.ts).
    version: 5,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
      cycleRecords: 'id, workspaceId, [workspaceId+kind]',
      history: 'id, workspaceId, recordId, at',
      trash: 'id, workspaceId, deletedAt',
    },
  },
  {
    // Issue 19: figures worked out from a workspace's records (the dashboard's) kept between visits,
    // with the stamp of the last change they are good for (change-stamp.ts); no data changes. The
    // version also closes older apps' connections, which would write without a stamp.
    version: 6,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
      cycleRecords: 'id, workspaceId, [workspaceId+kind]',
      history: 'id, workspaceId, recordId, at',
      trash: 'id, workspaceId, deletedAt',
      cache: 'key',
    },
  },
  {
    // Issue 19: every write to risks also lists the risks it touched in the cache table (change-stamp.ts),
    // so the dashboard brings the digests it kept up to date by reading those risks only. No table
    // changes: the version closes the connections of apps before it, which would write risks without
    // listing them (their write would go unseen by digests kept since).
    version: 7,
    stores: {
      workspaces: 'id, updatedAt',
      assessments: 'id, workspaceId, &[workspaceId+itemId]',
      evidence: 'id, workspaceId, [workspaceId+itemId]',
      evidenceFiles: 'id, workspaceId',
      settings: 'key',
      aiSystems: 'id, workspaceId',
      risks: 'id, workspaceId, &[workspaceId+ref]',
      ownControls: 'id, workspaceId',
      impactAssessments: 'id, workspaceId, aiSystemId, seriesId',
      cycleRecords: 'id, workspaceId, [workspaceId+kind]',
      history: 'id, workspaceId, recordId, at',
      trash: 'id, workspaceId, deletedAt',
      cache: 'key',
    },
  },
];

export const currentSchemaVersion = schemaVersions[schemaVersions.length - 1]!.version;
