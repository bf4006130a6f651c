import { isCycleKind, type CycleKindName as CycleKind } from '../domain/cycle/kind-names';
/**
 * Hash routes work from any static host and offline, with no server rewrite rules.
 * #/                                  workspaces
 * #/w/<id>                            dashboard
 * #/w/<id>/item/<itemId>              walkthrough item
 * #/w/<id>/soa                        Statement of Applicability
 * #/w/<id>/soa/print                  its print view (A4 report)
 * #/w/<id>/profile                    organization profile
 * #/w/<id>/systems[/<systemId>]       AI system inventory, one system
 * #/w/<id>/risks[/<riskId>]           risk register, one risk
 * #/w/<id>/risks/print                the register's print view (A4 report with heat maps)
 * #/w/<id>/criteria                   risk criteria (matrix)
 * #/w/<id>/controls[/<controlId>]     the organization's own controls
 * #/w/<id>/assessments[/<id>[/print]] impact assessments, one version, its print view
 * #/w/<id>/exchange                   export a bundle, import one into this workspace
 * #/w/<id>/cycle[/<kind>[/<recordId>]] management-system registers, one register, one record
 * #/w/<id>/tasks                      everything dated, across all registers
 * #/w/<id>/readiness                  certification readiness
 * #/w/<id>/readiness/print            the gap and readiness report (A4)
 * #/w/<id>/history                    the workspace's change history
 * #/w/<id>/trash                      deleted records, to restore or delete for good
 * #/w/<id>/crosswalks                 what the implemented items touch in NIST AI RMF and the EU AI Act
 * #/import                            import a bundle as a new workspace
 *
 * Lists the dashboard links to take a filter after `?` (values as a person reads them: levels 1-based):
 * risks?rating=residual&level=4, risks?awaiting=acceptance, tasks?show=overdue, cycle/<kind>?show=open.
 * A record's page opens on its history with `?tab=history` (risks/<id>, systems/<id>, assessments/<id>, cycle/<kind>/<id>).
 */
export type Route =
  | { name: 'home' }
  | { name: 'import' }
  | { name: 'dashboard'; ws: string }
  | { name: 'exchange'; ws: string }
  | { name: 'item'; ws: string; itemId: string }
  | { name: 'soa'; ws: string }
  | { name: 'profile'; ws: string }
  | { name: 'systems'; ws: string }
  | { name: 'system'; ws: string; id: string; tab?: RecordTab }
  | { name: 'risks'; ws: string; filter?: RiskListQuery }
  | { name: 'risk'; ws: string; id: string; tab?: RecordTab }
  | { name: 'criteria'; ws: string }
  | { name: 'controls'; ws: string }
  | { name: 'control'; ws: string; id: string }
  | { name: 'assessments'; ws: string }
  | { name: 'assessment'; ws: string; id: string; tab?: RecordTab }
  | { name: 'assessment-print'; ws: string; id: string }
  | { name: 'cycle'; ws: string }
  | { name: 'register'; ws: string; kind: CycleKind; openOnly?: boolean }
  | { name: 'record'; ws: string; kind: CycleKind; id: string; tab?: RecordTab }
  | { name: 'tasks'; ws: string; show?: TaskStateName }
  | { name: 'readiness'; ws: string }
  | { name: 'soa-print'; ws: string }
  | { name: 'risks-print'; ws: string }
  | { name: 'readiness-print'; ws: string }
  | { name: 'history'; ws: string }
  | { name: 'trash'; ws: string }
  | { name: 'crosswalks'; ws: string };

/** The tab a record's page shows: its fields (the default) or its change history. */
export type RecordTab = 'details' | 'history';
const RECORD_PAGES: readonly string[] = ['system', 'risk', 'assessment', 'record'];
export type RecordRoute = Extract<Route, { tab?: RecordTab }>;
export const isRecordRoute = (route: Route): route is RecordRoute => RECORD_PAGES.includes(route.name);

/** A risk-list filter a link can carry: the level (1-based) of one rating, or the risks awaiting acceptance. */
export interface RiskListQuery {
  rating?: 'inherent' | 'residual';
  level?: number;
  awaiting?: 'acceptance';
}
type TaskStateName = 'overdue' | 'soon' | 'later';
const TASK_STATES: readonly string[] = ['overdue', 'soon', 'later'];

function riskQuery(q: URLSearchParams): RiskListQuery | undefined {
  const out: RiskListQuery = {};
  const rating = q.get('rating');
  if (rating === 'inherent' || rating === 'residual') out.rating = rating;
  const level = Number(q.get('level'));
  if (out.rating && Number.isInteger(level) && level >= 1 && level <= 20) out.level = level;
  if (q.get('awaiting') === 'acceptance') out.awaiting = 'acceptance';
  return Object.keys(out).length ? out : undefined;
}

function queryString(route: Route): string {
  const q = new URLSearchParams();
  if (route.name === 'risks' && route.filter) {
    if (route.filter.rating) q.set('rating', route.filter.rating);
    if (route.filter.rating && route.filter.level) q.set('level', String(route.filter.level));
    if (route.filter.awaiting) q.set('awaiting', route.filter.awaiting);
  }
  if (route.name === 'tasks' && route.show) q.set('show', route.show);
  if (route.name === 'register' && route.openOnly) q.set('show', 'open');
  if (isRecordRoute(route) && route.tab === 'history') q.set('tab', 'history');
  const text = q.toString();
  return text ? `?${text}` : '';
}

export type WorkspaceRoute = Exclude<Route, { name: 'home' } | { name: 'import' }>;

const LISTS = { systems: 'system', risks: 'risk', controls: 'control', assessments: 'assessment' } as const;

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.split('?', 2);
  const route = parsePath(path);
  const q = new URLSearchParams(search);
  if (route.name === 'risks') {
    const filter = riskQuery(q);
    if (filter) return { ...route, filter };
  }
  if (route.name === 'tasks' && TASK_STATES.includes(q.get('show') ?? '')) return { ...route, show: q.get('show') as TaskStateName };
  if (route.name === 'register' && q.get('show') === 'open') return { ...route, openOnly: true };
  if (isRecordRoute(route) && q.get('tab') === 'history') return { ...route, tab: 'history' };
  return route;
}

function parsePath(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'import' && parts.length === 1) return { name: 'import' };
  if (parts[0] !== 'w' || !parts[1]) return { name: 'home' };
  const ws = parts[1];
  const [section, id, extra] = parts.slice(2);
  switch (section) {
    case 'item':
      return id ? { name: 'item', ws, itemId: id } : { name: 'dashboard', ws };
    case 'soa':
    case 'profile':
    case 'criteria':
    case 'exchange':
    case 'tasks':
    case 'readiness':
      if (id === 'print' && (section === 'soa' || section === 'readiness')) return { name: section === 'soa' ? 'soa-print' : 'readiness-print', ws };
      return { name: section, ws };
    case 'history':
    case 'trash':
    case 'crosswalks':
      return { name: section, ws };
    case 'cycle':
      if (!id || !isCycleKind(id)) return { name: 'cycle', ws };
      return extra ? { name: 'record', ws, kind: id, id: extra } : { name: 'register', ws, kind: id };
    case 'systems':
    case 'risks':
    case 'controls':
    case 'assessments':
      if (!id) return { name: section, ws };
      if (section === 'assessments' && extra === 'print') return { name: 'assessment-print', ws, id };
      if (section === 'risks' && id === 'print' && !extra) return { name: 'risks-print', ws };
      return { name: LISTS[section], ws, id };
    default:
      return { name: 'dashboard', ws };
  }
}

export function href(route: Route): string {
  return pathOf(route) + queryString(route);
}

function pathOf(route: Route): string {
  const enc = encodeURIComponent;
  if (route.name === 'home') return '#/';
  if (route.name === 'import') return '#/import';
  const base = `#/w/${enc(route.ws)}`;
  switch (route.name) {
    case 'dashboard':
      return base;
    case 'item':
      return `${base}/item/${enc(route.itemId)}`;
    case 'soa':
    case 'profile':
    case 'criteria':
    case 'exchange':
    case 'systems':
    case 'risks':
    case 'controls':
    case 'assessments':
    case 'cycle':
    case 'tasks':
    case 'readiness':
      return `${base}/${route.name}`;
    case 'register':
      return `${base}/cycle/${enc(route.kind)}`;
    case 'record':
      return `${base}/cycle/${enc(route.kind)}/${enc(route.id)}`;
    case 'system':
      return `${base}/systems/${enc(route.id)}`;
    case 'risk':
      return `${base}/risks/${enc(route.id)}`;
    case 'control':
      return `${base}/controls/${enc(route.id)}`;
    case 'assessment':
      return `${base}/assessments/${enc(route.id)}`;
    case 'assessment-print':
      return `${base}/assessments/${enc(route.id)}/print`;
    case 'soa-print':
      return `${base}/soa/print`;
    case 'risks-print':
      return `${base}/risks/print`;
    case 'readiness-print':
      return `${base}/readiness/print`;
    case 'history':
    case 'trash':
    case 'crosswalks':
      return `${base}/${route.name}`;
  }
}
