import { recordLabel } from '../domain/history';
import { newId } from '../domain/ids';
import type { AimsDatabase } from './database';
import type { TrashEntry, TrashTable, TrashUnlink } from './trash-entry';
import type { Writer } from './write-path';

type Row = Record<string, unknown> & { id: string; workspaceId: string; updatedAt?: string };
type LinkTable = TrashUnlink['table'];

/** Every table a trash entry can touch: a delete or a restore writes in all of them in one transaction. */
export function trashScope(db: AimsDatabase) {
  return [db.workspaces, db.trash, db.history, db.evidence, db.evidenceFiles, db.aiSystems, db.risks, db.ownControls, db.impactAssessments, db.cycleRecords];
}

/**
 * The write path's deletions: collects what one delete removes and unlinks, inside the delete's
 * `write`, then files it in the trash with a 'delete' history entry per removed record and an
 * 'update' entry per record whose link was cleared (each link cleared through the register's rules).
 * The workspace's updatedAt moves with the delete; the entry keeps the old one for a restore.
 */
export class TrashBuilder {
  readonly rows: TrashEntry['rows'] = [];
  readonly unlinks: TrashUnlink[] = [];

  constructor(readonly w: Writer) {}

  get deletedAt(): string {
    return this.w.now;
  }

  /** A row that goes with the delete (the record first, then what is deleted with it). */
  remove(table: TrashTable, row: object): void {
    this.rows.push({ table, row: row as Record<string, unknown> });
  }

  /**
   * Clears a link held by `rows` of `table`: removes `value` from the list `field`, or empties the
   * single link `field` (null). `bump` moves the linking records' updatedAt to the delete's time.
   */
  async unlink(table: LinkTable, rows: readonly object[], field: string, value: unknown, opts: { bump?: boolean } = {}): Promise<void> {
    for (const r of rows as Row[]) {
      const current = r[field];
      const index = Array.isArray(current) ? current.indexOf(value) : -1;
      const patch = { [field]: Array.isArray(current) ? current.filter((v) => v !== value) : null };
      await this.w.update(table, r, patch, { coalesce: false, stamp: opts.bump === true, touch: false });
      this.unlinks.push({ table, id: r.id, field, value, ...(index >= 0 ? { index } : {}), ...(opts.bump && r.updatedAt ? { updatedAt: r.updatedAt } : {}) });
    }
  }

  /** Clears `field` of the elements of the list `list` whose `field` is `value` (an impact's riskId). */
  async unlinkWithin(table: LinkTable, rows: readonly object[], list: string, field: string, value: unknown): Promise<void> {
    for (const r of rows as Row[]) {
      const items = (r[list] as Record<string, unknown>[] | undefined) ?? [];
      const hit = items.filter((i) => i[field] === value);
      if (hit.length === 0) continue;
      const patch = { [list]: items.map((i) => (i[field] === value ? { ...i, [field]: null } : i)) };
      await this.w.update(table, r, patch, { coalesce: false, stamp: false, touch: false });
      for (const i of hit) this.unlinks.push({ table, id: r.id, field, value, within: { list, id: String(i.id) } });
    }
  }

  /** Deletes the collected rows and files the entry; returns it. The first row is the record the user deleted. */
  async commit(): Promise<TrashEntry> {
    const first = this.rows[0];
    if (!first || first.table === 'evidenceFiles') throw new Error('a trash entry starts with the deleted record');
    const record = first.row as Row;
    for (const { table, row } of this.rows) await this.w.remove(table, row);
    const ws = await this.w.db.workspaces.get(record.workspaceId);
    const entry: TrashEntry = {
      id: newId(),
      workspaceId: record.workspaceId,
      deletedAt: this.deletedAt,
      user: this.w.history.user,
      label: recordLabel(first.table, record),
      table: first.table,
      recordId: record.id,
      rows: this.rows,
      unlinks: this.unlinks,
      ...(ws?.updatedAt ? { workspaceUpdatedAt: ws.updatedAt } : {}),
    };
    await this.w.db.trash.add(entry);
    this.w.touch(record.workspaceId, this.w.now, false);
    return entry;
  }
}
