import { KeptConnection, openExistingDatabase } from '../db/open-direct';
import { readRiskListDirect, type RiskListRead } from '../db/risk-list-read-direct';
import { buildRiskList, rowDelta, type RiskListSummary, type RiskRow } from '../domain/risk-row';
import { packBuffers, packRows, type PackedRows } from '../domain/risk-row-pack';

/** Rows per message: each is one task on the page to take in (a few milliseconds), never one long one. */
export const ROWS_PER_MESSAGE = 1_000;

export type RiskListRequest =
  /** Starts reading a workspace's list for a page that shows nothing yet; `watch` tags every reply. */
  | { type: 'watch'; watch: number; dbName: string; workspaceId: string; locale: string }
  /** The risks, the matrix or the AI systems may have changed: read again and send what changed. */
  | { type: 'refresh'; watch: number }
  | { type: 'stop'; watch: number };

export interface SystemName {
  id: string;
  name: string;
}

export type RiskListReply =
  /** The number of risks, before any record is read (first read of a watch only). */
  | { type: 'count'; watch: number; total: number }
  /**
   * A new state of the list: the page's rows become `from` (indices into the rows it has, -1 for
   * each of the `fresh` rows that follow in `rows` messages, in order).
   */
  | { type: 'begin'; watch: number; summary: RiskListSummary; systems: SystemName[]; from: Int32Array; fresh: number }
  /** The next fresh rows, packed (risk-row-pack.ts: the page takes them in as a few blocks, not as objects). */
  | { type: 'rows'; watch: number; rows: PackedRows }
  /** The workspace is gone. */
  | { type: 'gone'; watch: number }
  | { type: 'failed'; watch: number; message: string };

interface Watch {
  watch: number;
  dbName: string;
  workspaceId: string;
  locale: string;
}

type Post = (reply: RiskListReply, transfer?: Transferable[]) => void;

const isIdentity = (from: Int32Array, n: number) => from.length === n && from.every((j, k) => j === k);

/**
 * The risk-list worker's work (state/risk-list.worker.ts; in the page itself where there are no
 * workers, as under test): reads the list with IndexedDB, makes the rows the page shows (risk-row.ts)
 * and sends the count first, then only what changed since the rows it sent last, in small messages.
 */
export class RiskListSource {
  #watch: Watch | null = null;
  readonly #db: KeptConnection;
  /** What the page was last sent, for the current watch. */
  #sent: { rows: RiskRow[]; matrix: string; summary: string; systems: string } | null = null;
  #reading = false;
  #again = false;

  constructor(
    private readonly post: Post,
    open: (dbName: string) => Promise<IDBDatabase | null> = openExistingDatabase,
  ) {
    this.#db = new KeptConnection(open);
  }

  handle(req: RiskListRequest): void {
    if (req.type === 'watch') {
      this.#watch = { watch: req.watch, dbName: req.dbName, workspaceId: req.workspaceId, locale: req.locale };
      this.#sent = null;
    } else if (req.watch !== this.#watch?.watch) return;
    if (req.type === 'stop') {
      this.#watch = null;
      this.#sent = null;
      return;
    }
    void this.#read();
  }

  /** One read at a time; a change during a read means one more read after it. */
  async #read(): Promise<void> {
    if (this.#reading) {
      this.#again = true;
      return;
    }
    this.#reading = true;
    try {
      do {
        this.#again = false;
        const w = this.#watch;
        if (w) await this.#readOnce(w);
      } while (this.#again);
    } finally {
      this.#reading = false;
    }
  }

  async #readOnce(w: Watch): Promise<void> {
    const { watch } = w;
    const first = !this.#sent;
    const read = async (db: IDBDatabase) =>
      readRiskListDirect(db, w.workspaceId, (total) => first && this.#watch === w && this.post({ type: 'count', watch, total }));
    let data: RiskListRead | null;
    try {
      data = await this.#db.read(w.dbName, read);
    } catch (e) {
      if (this.#watch === w) this.post({ type: 'failed', watch, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (this.#watch !== w) return;
    if (!data) return this.post({ type: 'gone', watch });
    const { rows, summary } = buildRiskList(data.risks, data.matrix, w.locale);
    const keys = { matrix: JSON.stringify(data.matrix), summary: JSON.stringify(summary), systems: JSON.stringify(data.systems) };
    // A changed matrix rates every risk anew: all rows are sent again.
    const before = this.#sent && this.#sent.matrix === keys.matrix ? this.#sent.rows : null;
    const { from, fresh } = rowDelta(before, rows);
    const same =
      this.#sent && before && !fresh.length && isIdentity(from, before.length) && keys.summary === this.#sent.summary && keys.systems === this.#sent.systems;
    if (same) return;
    this.#sent = { rows, ...keys };
    this.post({ type: 'begin', watch, summary, systems: data.systems, from, fresh: fresh.length }, [from.buffer]);
    for (let k = 0; k < fresh.length; k += ROWS_PER_MESSAGE) {
      const rows = packRows(fresh.slice(k, k + ROWS_PER_MESSAGE));
      this.post({ type: 'rows', watch, rows }, packBuffers(rows));
    }
  }
}
