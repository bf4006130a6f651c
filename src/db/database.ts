import Dexie, { type Table } from 'dexie';
import type { Workspace } from '../domain/workspace-schema';
import type { Assessment } from '../domain/assessment-schema';
import type { Evidence } from '../domain/evidence-schema';
import { schemaVersions } from './schema-versions';
import { upgrades } from './upgrades';
import { guardWrites, lockWrites, storedVersionIsNewer } from './read-only';
import type { AiSystem } from '../domain/ai-system-schema';
import type { Risk } from '../domain/risk-schema';
import type { OwnControl } from '../domain/own-control-schema';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import type { CycleRecord } from '../domain/cycle/registry';
import type { HistoryEntry } from '../domain/history';
import type { TrashEntry } from './trash-entry';
import { stampChanges, type CacheRow } from './change-stamp';

export interface EvidenceFileRow {
  id: string;
  workspaceId: string;
  blob: Blob;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'aims-workbench';

/** The only place that calls `new Dexie`. */
export class AimsDatabase extends Dexie {
  workspaces!: Table<Workspace, string>;
  assessments!: Table<Assessment, string>;
  evidence!: Table<Evidence, string>;
  evidenceFiles!: Table<EvidenceFileRow, string>;
  settings!: Table<SettingRow, string>;
  aiSystems!: Table<AiSystem, string>;
  risks!: Table<Risk, string>;
  ownControls!: Table<OwnControl, string>;
  impactAssessments!: Table<ImpactAssessment, string>;
  cycleRecords!: Table<CycleRecord, string>;
  history!: Table<HistoryEntry, string>;
  trash!: Table<TrashEntry, string>;
  cache!: Table<CacheRow, string>;

  constructor(name = DEFAULT_DB_NAME) {
    super(name);
    for (const v of schemaVersions) {
      const version = this.version(v.version).stores(v.stores);
      const perTable = upgrades[v.version];
      if (perTable) {
        version.upgrade(async (tx) => {
          for (const [table, upgrade] of Object.entries(perTable)) {
            if (upgrade)
              await tx
                .table(table)
                .toCollection()
                .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
                  ref.value = upgrade(row);
                });
          }
        });
      }
    }
    stampChanges(this);
  }
}

let current: AimsDatabase | null = null;

export function database(): AimsDatabase {
  current ??= new AimsDatabase();
  return current;
}

/** Tests (and a future "open another database" feature) swap the connection. */
export function useDatabase(db: AimsDatabase): void {
  current = db;
}

/** What a start-up hears while the database opens and afterwards. */
export interface OpenEvents {
  /** Another tab upgraded the schema: this tab has closed its connection (so the upgrade is not blocked). */
  versionChange(): void;
  /** This tab's upgrade waits for another tab that keeps the database open at an older version. */
  blocked(): void;
}

/**
 * Opens the database. When another tab upgrades the schema, this tab closes its connection and
 * says so. `newer`: a newer app left the database at a higher version; every write is refused.
 */
export async function openDatabase(on: OpenEvents): Promise<{ newer: boolean }> {
  const db = database();
  guardWrites(db);
  db.on('versionchange', () => {
    db.close();
    on.versionChange();
    return false;
  });
  db.on('blocked', () => on.blocked());
  await db.open();
  const newer = storedVersionIsNewer(db.backendDB().version);
  if (newer) lockWrites(db);
  return { newer };
}
