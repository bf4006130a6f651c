import { listAiSystems } from '../db/ai-systems-repo';
import { listCycleRecords } from '../db/cycle-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import { listOwnControls } from '../db/own-controls-repo';
import { listRisks } from '../db/risks-repo';
import type { Catalog } from '../domain/catalog-model';
import { compareRefs } from '../domain/risk-schema';
import { cycleKindNames } from '../domain/cycle/kind-names';
import { t, type MessageKey } from '../i18n/i18n';
import type { Route } from './routes';

/** One thing the command box can jump to, worded as the user knows it (a ref, a number, a title: never an internal id). */
export interface SearchEntry {
  group: 'pages' | 'items' | 'records';
  /** For the list's keys only; never shown. */
  key: string;
  label: string;
  detail: string;
  /** The number or ref a user may type exactly ("6.1.3", "A.8.3", "R-002", "DOC-001"). */
  code: string;
  to: Route;
}

const PAGES: readonly [Route['name'], MessageKey][] = [
  ['dashboard', 'nav.dashboard'],
  ['readiness', 'nav.readiness'],
  ['tasks', 'nav.tasks'],
  ['soa', 'nav.soa'],
  ['crosswalks', 'nav.crosswalks'],
  ['systems', 'nav.systems'],
  ['criteria', 'nav.criteria'],
  ['risks', 'nav.risks'],
  ['assessments', 'nav.assessments'],
  ['controls', 'nav.controls'],
  ['cycle', 'nav.cycle'],
  ['profile', 'nav.profile'],
  ['exchange', 'nav.exchange'],
  ['history', 'nav.history'],
  ['trash', 'nav.trash'],
];

/** Every page of the workspace, and each management-system register. */
export function pageEntries(ws: string): SearchEntry[] {
  const pages = PAGES.map(([name, label]): SearchEntry => ({ group: 'pages', key: name, label: t(label), detail: '', code: '', to: { name, ws } as Route }));
  const registers = cycleKindNames.map((kind): SearchEntry => ({
    group: 'pages',
    key: `register-${kind}`,
    label: t(`cycle.kinds.${kind}` as MessageKey),
    detail: t('nav.cycle'),
    code: '',
    to: { name: 'register', ws, kind },
  }));
  return [...pages, ...registers];
}

/** Every clause and Annex A control of the walkthrough, by number and title. */
export function itemEntries(ws: string, catalog: Catalog): SearchEntry[] {
  return catalog.assessable.map((item) => ({
    group: 'items',
    key: item.id,
    label: `${item.id} ${item.title}`,
    detail: t(item.isControl ? 'search.control' : 'search.clause'),
    code: item.id,
    to: { name: 'item', ws, itemId: item.id },
  }));
}

/** Every record of the workspace's registers, read through the repositories (the shell never reads the database). */
export async function recordEntries(ws: string): Promise<SearchEntry[]> {
  const [risks, systems, controls, assessments, records] = await Promise.all([
    listRisks(ws),
    listAiSystems(ws),
    listOwnControls(ws),
    listImpactAssessments(ws),
    listCycleRecords(ws),
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  const out: SearchEntry[] = [];
  for (const r of [...risks].sort(compareRefs)) {
    out.push({ group: 'records', key: r.id, label: `${r.ref} ${r.title}`, detail: t('search.kind.risk'), code: r.ref, to: { name: 'risk', ws, id: r.id } });
  }
  for (const s of systems)
    out.push({ group: 'records', key: s.id, label: s.name, detail: t('search.kind.system'), code: '', to: { name: 'system', ws, id: s.id } });
  for (const c of controls)
    out.push({ group: 'records', key: c.id, label: c.name, detail: t('search.kind.control'), code: '', to: { name: 'control', ws, id: c.id } });
  for (const a of assessments) {
    out.push({
      group: 'records',
      key: a.id,
      label: systemName.get(a.aiSystemId) ?? t('nav.assessments'),
      detail: t('search.kind.assessment', { version: a.version }),
      code: '',
      to: { name: 'assessment', ws, id: a.id },
    });
  }
  for (const r of [...records].sort(compareRefs)) {
    out.push({
      group: 'records',
      key: r.id,
      label: `${r.ref} ${r.title}`,
      detail: t(`cycle.kind.${r.kind}` as MessageKey),
      code: r.ref,
      to: { name: 'record', ws, kind: r.kind, id: r.id },
    });
  }
  return out;
}
