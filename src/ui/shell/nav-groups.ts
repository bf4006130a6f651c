import type { MessageKey } from '../../i18n/i18n';
import type { WorkspaceRoute } from '../../state/routes';

/** A nav entry: the route name its link opens, and its label. */
export type NavName =
  | 'dashboard'
  | 'readiness'
  | 'tasks'
  | 'item'
  | 'soa'
  | 'crosswalks'
  | 'systems'
  | 'criteria'
  | 'risks'
  | 'assessments'
  | 'controls'
  | 'cycle'
  | 'profile'
  | 'exchange'
  | 'history'
  | 'trash';

export interface NavGroup {
  id: 'overview' | 'requirements' | 'risk' | 'management' | 'workspace';
  label: MessageKey;
  entries: readonly { name: NavName; label: MessageKey }[];
}

/** The navigation follows the management system: what stands, what it requires, the AI systems and their risks, the registers, the workspace. */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    id: 'overview',
    label: 'nav.group.overview',
    entries: [
      { name: 'dashboard', label: 'nav.dashboard' },
      { name: 'readiness', label: 'nav.readiness' },
      { name: 'tasks', label: 'nav.tasks' },
    ],
  },
  {
    id: 'requirements',
    label: 'nav.group.requirements',
    entries: [
      { name: 'item', label: 'nav.walkthrough' },
      { name: 'soa', label: 'nav.soa' },
      { name: 'crosswalks', label: 'nav.crosswalks' },
    ],
  },
  {
    id: 'risk',
    label: 'nav.group.risk',
    entries: [
      { name: 'systems', label: 'nav.systems' },
      { name: 'criteria', label: 'nav.criteria' },
      { name: 'risks', label: 'nav.risks' },
      { name: 'assessments', label: 'nav.assessments' },
      { name: 'controls', label: 'nav.controls' },
    ],
  },
  { id: 'management', label: 'nav.group.management', entries: [{ name: 'cycle', label: 'nav.cycle' }] },
  {
    id: 'workspace',
    label: 'nav.group.workspace',
    entries: [
      { name: 'profile', label: 'nav.profile' },
      { name: 'exchange', label: 'nav.exchange' },
      { name: 'history', label: 'nav.history' },
      { name: 'trash', label: 'nav.trash' },
    ],
  },
];

/** Which nav entry each page belongs to: a record or print view is shown under its list. */
const ENTRY: Record<WorkspaceRoute['name'], NavName> = {
  dashboard: 'dashboard',
  readiness: 'readiness',
  'readiness-print': 'readiness',
  tasks: 'tasks',
  item: 'item',
  soa: 'soa',
  'soa-print': 'soa',
  crosswalks: 'crosswalks',
  systems: 'systems',
  system: 'systems',
  criteria: 'criteria',
  risks: 'risks',
  risk: 'risks',
  'risks-print': 'risks',
  assessments: 'assessments',
  assessment: 'assessments',
  'assessment-print': 'assessments',
  controls: 'controls',
  control: 'controls',
  cycle: 'cycle',
  register: 'cycle',
  record: 'cycle',
  profile: 'profile',
  exchange: 'exchange',
  history: 'history',
  trash: 'trash',
};

export function navEntryOf(route: WorkspaceRoute): NavName {
  return ENTRY[route.name];
}

/** The current place as the menu names it: its group and its entry. */
export function currentPlace(route: WorkspaceRoute): { group: MessageKey; entry: MessageKey } {
  const name = ENTRY[route.name];
  for (const g of NAV_GROUPS) {
    const e = g.entries.find((x) => x.name === name);
    if (e) return { group: g.label, entry: e.label };
  }
  return { group: 'nav.group.overview', entry: 'nav.dashboard' };
}
