import { hasMessage, t, type MessageKey } from '../i18n/i18n';
import type { Route } from './routes';

/** Between the parts of a tab's title. */
const SEP = ' — ';

/** Each page's name, from the catalogue (the menu's label where the page has one). */
const NAMES: Record<Route['name'], (route: never) => string> = {
  home: () => t('nav.workspaces'),
  import: () => t('import.title'),
  dashboard: () => t('nav.dashboard'),
  item: (r: Extract<Route, { name: 'item' }>) => t('title.item', { item: r.itemId }),
  soa: () => t('nav.soa'),
  'soa-print': () => t('title.print', { page: t('nav.soa') }),
  profile: () => t('nav.profile'),
  systems: () => t('nav.systems'),
  system: () => t('title.system'),
  risks: () => t('nav.risks'),
  risk: () => t('title.risk'),
  'risks-print': () => t('title.print', { page: t('nav.risks') }),
  criteria: () => t('nav.criteria'),
  controls: () => t('nav.controls'),
  control: () => t('title.control'),
  assessments: () => t('nav.assessments'),
  assessment: () => t('title.assessment'),
  'assessment-print': () => t('title.print', { page: t('title.assessment') }),
  exchange: () => t('nav.exchange'),
  cycle: () => t('nav.cycle'),
  // The register's own name once the management-system strings are loaded (the page loads them).
  register: (r: Extract<Route, { name: 'register' }>) => lazyName(`cycle.kinds.${r.kind}`, 'title.register'),
  record: (r: Extract<Route, { name: 'record' }>) => lazyName(`cycle.kind.${r.kind}`, 'title.record'),
  tasks: () => t('nav.tasks'),
  readiness: () => t('nav.readiness'),
  'readiness-print': () => t('title.print', { page: t('nav.readiness') }),
  history: () => t('nav.history'),
  trash: () => t('nav.trash'),
  crosswalks: () => t('nav.crosswalks'),
};

function lazyName(key: string, fallback: MessageKey): string {
  return hasMessage(key) ? t(key) : t(fallback);
}

/** Whether a route's page name is more precise once the whole catalogue is loaded. */
export function titleNeedsMessages(route: Route): boolean {
  return route.name === 'register' || route.name === 'record';
}

/**
 * The browser tab's title: "Page — Workspace — AIMS Workbench", or "Page — AIMS Workbench" outside
 * a workspace (and while its name is not known yet), so tabs on different workspaces can be told apart.
 */
export function pageTitle(route: Route, workspaceName?: string): string {
  const page = (NAMES[route.name] as (r: Route) => string)(route);
  const ws = 'ws' in route && workspaceName ? [workspaceName] : [];
  return [page, ...ws, t('app.name')].join(SEP);
}
