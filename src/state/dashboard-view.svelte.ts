import { changeStampNow } from '../db/dashboard-cache';
import { database } from '../db/database';
import { DASHBOARD_TABLES } from '../db/dashboard-read-direct';
import { observeTables } from '../db/observe';
import type { Catalog } from '../domain/catalog-model';
import { localToday } from '../domain/dates';
import type { DashboardView } from '../domain/dashboard-view';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { DashboardReply, DashboardRequest } from './dashboard-protocol';
import { takeDashboardWorker } from './dashboard-worker-start';

/*
 * The dashboard's figures from the dashboard worker (dashboard.worker.ts), which reads the
 * workspace's records and works them out off the page: at 50,000 risks reading them on the page
 * alone held it for over a second. Kept live: after every write to one of the tables they come from
 * (this tab or another) the page asks again; a question asked while one is under way waits for it,
 * so a burst of writes costs one more read, not one per write.
 */

let worker: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, { workspaceId: string; resolve: (v: Answer) => void; reject: (e: unknown) => void }>();

/** The figures, with the change stamp of the records they describe (null: unknown). */
interface Answer {
  view: DashboardView;
  stamp: string | null;
}

function failAll(message: string): void {
  for (const w of waiting.values()) w.reject(new Error(message));
  waiting.clear();
}

/** One worker for the page's life, started with the first dashboard. */
function dashboardWorker(): Worker {
  if (worker) return worker;
  const w = takeDashboardWorker();
  w.onmessage = (ev: MessageEvent<DashboardReply>) => {
    const reply = ev.data;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('failed' in reply) return pending?.reject(new Error(reply.failed));
    pending?.resolve({ view: reply.view, stamp: reply.stamp });
  };
  // A worker that cannot start (its script gone after an update) fails what waits; the next question starts a new one.
  w.onerror = (ev) => {
    ev.preventDefault();
    w.terminate();
    if (worker === w) worker = undefined;
    failAll(ev.message || 'the dashboard worker failed');
  };
  worker = w;
  return w;
}

export interface DashboardQuery {
  workspaceId: string;
  catalog: Catalog;
  matrix: RiskMatrix;
}

/** The figures once, from the worker. */
export function askDashboard(q: DashboardQuery): Promise<DashboardView> {
  return ask(q, localToday()).then((a) => a.view);
}

function ask(q: DashboardQuery, today: string): Promise<Answer> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { workspaceId: q.workspaceId, resolve, reject });
    const request: DashboardRequest = { id, dbName: database().name, ...q, today };
    dashboardWorker().postMessage(request);
  });
}

/** Figures asked for before their dashboard shows. */
let early: { q: DashboardQuery; today: string; answer: Promise<Answer> } | null = null;

/**
 * Asks for a workspace's figures now, before its dashboard shows (an import has just written the
 * workspace, and the page moves to its dashboard): the worker reads while the page changes. The
 * dashboard takes them when they were asked with the same catalog, matrix and day and describe
 * the records as they still are (the change stamp read with them is the stamp now).
 */
export function askDashboardEarly(q: DashboardQuery): void {
  const today = localToday();
  const answer = ask(q, today);
  answer.catch(() => undefined);
  early = { q, today, answer };
}

const sameQuestion = (a: DashboardQuery, b: DashboardQuery) =>
  a.workspaceId === b.workspaceId &&
  a.catalog.frameworkId === b.catalog.frameworkId &&
  a.catalog.catalogVersion === b.catalog.catalogVersion &&
  a.catalog.locale === b.catalog.locale &&
  JSON.stringify(a.matrix) === JSON.stringify(b.matrix);

/** The figures asked for early for `q`, if they are still the answer; null otherwise (then the dashboard asks). */
async function takeEarly(q: DashboardQuery): Promise<DashboardView | null> {
  const e = early;
  early = null;
  if (!e || !sameQuestion(e.q, q) || e.today !== localToday()) return null;
  const a = await e.answer.catch(() => null);
  if (!a || a.stamp === null) return null;
  return a.stamp === (await changeStampNow()) ? a.view : null;
}

/** Asks for the figures now and after every change to their tables until stopped; `next` gets each answer in order. */
export function watchDashboard(q: DashboardQuery, next: (v: DashboardView) => void, fail: (e: unknown) => void): { stop(): void } {
  let stopped = false;
  let running = false;
  let again = false;
  let asked = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    const first = !asked;
    asked = true;
    (first ? takeEarly(q) : Promise.resolve(null))
      .then((v) => v ?? askDashboard(q))
      .then(
        (v) => !stopped && next(v),
        (e) => !stopped && fail(e),
      )
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  const sub = observeTables(DASHBOARD_TABLES, run);
  run();
  return {
    stop() {
      stopped = true;
      sub.unsubscribe();
    },
  };
}

/**
 * The dashboard's figures as a rune: null until the first answer for this workspace arrives (the page
 * shows that it is loading, never zeros); later answers replace it. Create during component initialisation.
 */
export function liveDashboardView(deps: () => DashboardQuery): { readonly current: DashboardView | null; readonly error: unknown } {
  let answer = $state.raw<{ ws: string; view: DashboardView } | null>(null);
  let error = $state.raw<unknown>(null);
  const ws = $derived(deps().workspaceId);
  const catalog = $derived(deps().catalog);
  // Every save replaces the workspace and its matrix: ask again only when the matrix itself changed.
  const matrix = $derived(JSON.stringify(deps().matrix));
  $effect(() => {
    const workspaceId = ws;
    const watch = watchDashboard(
      { workspaceId, catalog, matrix: JSON.parse(matrix) as RiskMatrix },
      (view) => {
        answer = { ws: workspaceId, view };
        error = null;
      },
      (e) => {
        // The cause is for the console; the page says in its own words that the figures are missing.
        console.error(e);
        error = e;
      },
    );
    return () => watch.stop();
  });
  return {
    get current() {
      return answer?.ws === ws ? answer.view : null;
    },
    get error() {
      return error;
    },
  };
}
