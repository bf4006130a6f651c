import { database } from '../db/database';
import { observeTables } from '../db/observe';
import { applyRowDelta, type RiskListSummary, type RiskRow } from '../domain/risk-row';
import { unpackRows } from '../domain/risk-row-pack';
import { locale } from '../i18n/i18n';
import { RiskListSource, type RiskListReply, type RiskListRequest, type SystemName } from './risk-list-source';

export type { RiskRow, SystemName };

interface Channel {
  send(req: RiskListRequest): void;
  listen(on: (reply: RiskListReply) => void): () => void;
}

let channel: Channel | undefined;
/** The watch a failure of the worker itself is sent to: every list. */
const ALL_WATCHES = -1;

/**
 * One risk-list worker for the app, kept between visits to the list (it starts in tens of
 * milliseconds, which a reload would otherwise wait for twice); where there are no workers (tests),
 * the same work in the page.
 */
function riskListChannel(): Channel {
  if (channel) return channel;
  const listeners = new Set<(reply: RiskListReply) => void>();
  const deliver = (reply: RiskListReply) => listeners.forEach((on) => on(reply));
  let send: (req: RiskListRequest) => void;
  if (typeof Worker === 'undefined') {
    const source = new RiskListSource(deliver);
    send = (req) => source.handle(req);
  } else {
    const worker = new Worker(new URL('./risk-list.worker.ts', import.meta.url), { type: 'module', name: 'risk-list' });
    worker.onmessage = (ev: MessageEvent<RiskListReply>) => deliver(ev.data);
    // A worker that cannot start or breaks (its script gone after an update) fails every list that
    // waits on it, which then says so; the next list starts a new worker.
    worker.onerror = (ev) => {
      ev.preventDefault();
      worker.terminate();
      channel = undefined;
      deliver({ type: 'failed', watch: ALL_WATCHES, message: ev.message || 'the risk-list worker failed' });
    };
    send = (req) => worker.postMessage(req);
  }
  channel = {
    send,
    listen(on) {
      listeners.add(on);
      return () => listeners.delete(on);
    },
  };
  return channel;
}

let watches = 0;

/** While the first read's rows arrive, the table takes the new ones in at most this often. */
const PUBLISH_MS = 250;

export interface LiveRiskList {
  /** The rows in register order; while the first read is arriving, those that have arrived. */
  readonly rows: readonly RiskRow[];
  /** The number of risks, known before their rows (null until the first count). */
  readonly total: number | null;
  /** Whether rows of the first read are still arriving (the count is then ahead of the rows). */
  readonly loading: boolean;
  readonly summary: RiskListSummary | null;
  readonly systems: readonly SystemName[];
  /** The workspace is gone, or the read failed. */
  readonly error: string | null;
}

/**
 * A workspace's risk list, read and prepared in the risk-list worker and kept live: every committed
 * change to its risks, its matrix or its AI systems (in this tab or another) asks the worker again,
 * which sends only the rows that changed. Must be created during component initialisation.
 */
export function liveRiskList(ws: () => string): LiveRiskList {
  let rows = $state.raw<RiskRow[]>([]);
  let total = $state<number | null>(null);
  let loading = $state(true);
  let summary = $state.raw<RiskListSummary | null>(null);
  let systems = $state.raw<SystemName[]>([]);
  let error = $state<string | null>(null);
  const current = $derived(ws());

  $effect(() => {
    const workspaceId = current;
    const ch = riskListChannel();
    const watch = ++watches;
    rows = [];
    total = null;
    summary = null;
    loading = true;
    error = null;
    /** The rows as the worker last sent them (null before the first complete read). */
    let shown: RiskRow[] | null = null;
    let next: { from: Int32Array; want: number; got: RiskRow[]; summary: RiskListSummary; systems: SystemName[] } | null = null;

    // The first rows show at once (they are the ones in view); the rest at most every PUBLISH_MS while
    // they arrive, so the table is not redrawn for every message.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const showSoFar = () => {
      if (!rows.length) rows = next?.got.slice() ?? [];
      else
        timer ??= setTimeout(() => {
          timer = undefined;
          if (!shown && next) rows = next.got.slice();
        }, PUBLISH_MS);
    };
    const finish = () => {
      if (!next) return;
      shown = applyRowDelta(shown ?? [], next.from, next.got);
      rows = shown;
      summary = next.summary;
      systems = next.systems;
      total = next.summary.total;
      loading = false;
      next = null;
    };
    const off = ch.listen((m) => {
      if (m.watch !== watch && m.watch !== ALL_WATCHES) return;
      if (m.type === 'count') {
        if (!shown) total = m.total;
      } else if (m.type === 'begin') {
        next = { from: m.from, want: m.fresh, got: [], summary: m.summary, systems: m.systems };
        if (!shown) {
          // The first read: the heat map, owners and count show at once, the rows as they arrive.
          summary = m.summary;
          systems = m.systems;
          total = m.summary.total;
        }
        if (!m.fresh) finish();
      } else if (m.type === 'rows' && next) {
        for (const r of unpackRows(m.rows)) next.got.push(r);
        if (next.got.length >= next.want) finish();
        else if (!shown) showSoFar();
      } else if (m.type === 'gone' || m.type === 'failed') {
        // The cause is for the console; the page says in its own words that the list could not be read.
        if (m.type === 'failed') console.error(`risk list: ${m.message}`);
        error = m.type === 'failed' ? m.message : 'gone';
        loading = false;
      }
    });
    const changes = observeTables(['risks', 'workspaces', 'aiSystems'], () => ch.send({ type: 'refresh', watch }));
    ch.send({ type: 'watch', watch, dbName: database().name, workspaceId, locale: locale() });
    return () => {
      clearTimeout(timer);
      changes.unsubscribe();
      off();
      ch.send({ type: 'stop', watch });
    };
  });

  return {
    get rows() {
      return rows;
    },
    get total() {
      return total;
    },
    get loading() {
      return loading;
    },
    get summary() {
      return summary;
    },
    get systems() {
      return systems;
    },
    get error() {
      return error;
    },
  };
}
