import { effectiveStatus, type Assessment, type EffectiveStatus } from '../../domain/assessment-schema';
import type { Catalog, CatalogItem } from '../../domain/catalog-model';
import type { OwnControl } from '../../domain/own-control-schema';
import { soaApplicable, soaGaps } from '../../domain/progress';
import type { Risk } from '../../domain/risk-schema';
import { refsText, treatmentLinks, type TreatmentLink } from '../../domain/soa-links';
import type { Workspace } from '../../domain/workspace-schema';
import type { OscalByComponent, OscalComponent, OscalImplementedRequirement, OscalSspDocument, OscalState, ResponsibleRole } from './oscal-ssp-types';
import {
  aimsProp,
  AIMS_NS,
  compact,
  oneLine,
  OSCAL_FILES,
  OSCAL_VERSION,
  oscalControlId,
  prose,
  uuidFactory,
  type OscalProp,
  type OscalVersion,
} from './oscal-common';

export type { OscalImplementedRequirement, OscalSspDocument };

/**
 * The Statement of Applicability and implementation status as an OSCAL system security plan
 * (SSP). Why an SSP and not a component-definition, and how each field maps: docs/oscal.md.
 *
 * - every assessable item (clauses 4–10 and Annex A) is an implemented-requirement;
 * - applicability, justification category, risk-treatment references and the app's own status
 *   are props in our namespace; the justification text is the requirement's remarks;
 * - "where and how" is the description of the this-system by-component, whose
 *   implementation-status carries the status mapped to OSCAL's states;
 * - the owner is a party with the role control-owner;
 * - the organization's own controls are components, and a by-component under each Annex A
 *   control they implement.
 */

export interface OscalSspInput {
  workspace: Workspace;
  assessments: readonly Assessment[];
  ownControls: readonly OwnControl[];
  risks: readonly Pick<Risk, 'id' | 'ref' | 'annexAControls' | 'ownControlIds' | 'status'>[];
  /** The scope statement of the workspace's scope record (4.3), when there is one: the system's description carries it. */
  scopeStatement?: string | null;
}

export interface OscalSspOptions {
  exportedAt: string;
  appVersion: string;
  /** metadata oscal-version (default OSCAL_VERSION): the content does not depend on it. */
  oscalVersion?: OscalVersion;
}

/** The app's status → OSCAL implementation-status state (OSCAL has no "not started": it is "planned"). */
export const STATUS_TO_OSCAL: Record<EffectiveStatus, OscalState> = {
  implemented: 'implemented',
  'in-progress': 'partial',
  'not-started': 'planned',
  'not-applicable': 'not-applicable',
};

/** An own control's status → the state of its by-component entries (retired ones are left out). */
export const OWN_STATUS_TO_OSCAL: Record<Exclude<OwnControl['status'], 'retired'>, OscalState> = {
  implemented: 'implemented',
  'in-progress': 'partial',
  planned: 'planned',
};

/** An own control's status → its component's operational state. */
const OWN_COMPONENT_STATE: Record<OwnControl['status'], 'operational' | 'under-development' | 'disposition'> = {
  implemented: 'operational',
  'in-progress': 'under-development',
  planned: 'under-development',
  retired: 'disposition',
};

const ROLE_OWNER = 'control-owner';
const ROLE_APPROVER = 'soa-approver';
const ROLE_ORGANIZATION = 'prepared-for';

const byName = (a: OwnControl, b: OwnControl) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function buildOscalSsp(catalog: Catalog, input: OscalSspInput, options: OscalSspOptions): Promise<OscalSspDocument> {
  const ws = input.workspace;
  const uuid = uuidFactory(`ssp/${ws.id}`);
  const answers = new Map(input.assessments.map((a) => [a.itemId, a]));
  const links = treatmentLinks(input.risks, input.ownControls);
  const ownControls = [...input.ownControls].sort(byName);
  const orgName = oneLine(ws.profile.organizationName) ?? oneLine(ws.name) ?? 'Organization';

  // Parties: one per distinct name (an owner who also approves is one party).
  const parties = new Map<string, { uuid: string; type: 'person' | 'organization'; name: string }>();
  const party = async (name: string | null, type: 'person' | 'organization' = 'person'): Promise<string | null> => {
    if (name === null) return null;
    const key = `${type}:${name}`;
    let p = parties.get(key);
    if (!p) parties.set(key, (p = { uuid: await uuid(`party/${key}`), type, name }));
    return p.uuid;
  };
  const ownerRoles = async (owner: string): Promise<ResponsibleRole[]> => {
    const p = await party(oneLine(owner));
    return p ? [{ 'role-id': ROLE_OWNER, 'party-uuids': [p] }] : [];
  };
  const orgParty = (await party(orgName, 'organization'))!;
  const approverParty = await party(oneLine(ws.soaMeta.approver));

  // Components: the AIMS as a whole, and each own control.
  const applicableStates = catalog.assessable.map((item) => effectiveStatus(answers.get(item.id), item.isControl)).filter((s) => s !== 'not-applicable');
  const allDone = applicableStates.every((s) => s === 'implemented');
  const thisSystem: OscalComponent = {
    uuid: await uuid('component/this-system'),
    type: 'this-system',
    title: `${orgName} AI management system`,
    description: 'The AI management system (AIMS) as a whole: the processes, roles and records kept under ISO/IEC 42001.',
    status: { state: allDone ? 'operational' : 'under-development' },
  };
  const ownComponents = new Map<string, OscalComponent>();
  for (const oc of ownControls) {
    ownComponents.set(
      oc.id,
      compact({
        uuid: await uuid(`component/own-control/${oc.id}`),
        type: 'process-procedure',
        title: oc.name,
        description: prose(oc.description) ?? oc.name,
        props: [
          ...aimsProp('own-control-status', oc.status),
          ...[...oc.annexAControls].map((c) => ({ name: 'implements', ns: AIMS_NS, value: oscalControlId(c) })),
        ],
        status: { state: OWN_COMPONENT_STATE[oc.status] },
        'responsible-roles': await ownerRoles(oc.owner),
      }),
    );
  }

  const requirements: OscalImplementedRequirement[] = [];
  for (const item of catalog.assessable) {
    requirements.push(await requirement(item, answers.get(item.id), links.get(item.id) ?? []));
  }

  async function requirement(item: CatalogItem, a: Assessment | undefined, l: readonly TreatmentLink[]): Promise<OscalImplementedRequirement> {
    const status = effectiveStatus(a, item.isControl);
    const applicable = item.isControl ? soaApplicable(a, l) : true;
    const category = a?.justificationCategory ?? (item.isControl && l.length > 0 ? 'risk-treatment' : null);
    const justification = prose(a?.justification);
    const treatment = l.length > 0 ? `Risk treatment: ${refsText(l)}` : null;
    const gaps = item.isControl ? soaGaps(a, l) : [];
    const target = a?.targetDate && status !== 'implemented' && status !== 'not-applicable' ? a.targetDate : null;
    const props: OscalProp[] = [
      ...aimsProp('applicability', applicable === null ? 'undecided' : applicable ? 'applicable' : 'not-applicable'),
      ...(item.isControl ? [] : aimsProp('applicability-basis', 'mandatory-clause')),
      ...aimsProp('status', a?.status ?? 'not-started'),
      ...aimsProp('justification-category', category),
      ...aimsProp('justification', justification),
      ...aimsProp('risk-treatment', l.length > 0 ? refsText(l) : null),
      ...aimsProp('target-date', target),
      ...gaps.map((g) => ({ name: 'soa-gap', ns: AIMS_NS, value: g })),
    ];
    const implementation = prose(a?.implementation);
    const notes = prose(a?.notes);
    const excluded = status === 'not-applicable';
    const own: OscalByComponent[] = [];
    for (const oc of ownControls) {
      if (oc.status === 'retired' || !oc.annexAControls.includes(item.id)) continue;
      const component = ownComponents.get(oc.id)!;
      own.push(
        compact({
          'component-uuid': component.uuid,
          uuid: await uuid(`requirement/${item.id}/own-control/${oc.id}`),
          description: prose(oc.description) ?? oc.name,
          'implementation-status': { state: OWN_STATUS_TO_OSCAL[oc.status] },
          'responsible-roles': await ownerRoles(oc.owner),
        }),
      );
    }
    const statusRemarks = [status === 'not-started' ? 'Not started.' : null, target ? `Target date: ${target}.` : null].filter((x) => x !== null).join(' ');
    const main: OscalByComponent = compact({
      'component-uuid': thisSystem.uuid,
      uuid: await uuid(`requirement/${item.id}/this-system`),
      description:
        implementation ??
        notes ??
        (excluded
          ? 'Not applicable: excluded in the Statement of Applicability (see the justification).'
          : own.length > 0
            ? 'Implemented through the own controls listed for this control.'
            : 'No implementation described yet.'),
      'implementation-status': compact({ state: STATUS_TO_OSCAL[status], remarks: statusRemarks || undefined }),
      remarks: implementation !== null ? (notes ?? undefined) : undefined,
    });
    return compact({
      uuid: await uuid(`requirement/${item.id}`),
      'control-id': oscalControlId(item.id),
      props,
      'responsible-roles': await ownerRoles(a?.owner ?? ''),
      'by-components': [main, ...own],
      remarks: [justification, treatment].filter((x) => x !== null).join('\n\n') || undefined,
    });
  }

  const profile = ws.profile;
  const scope = prose(input.scopeStatement);
  const systemProps: OscalProp[] = [
    ...aimsProp('sector', profile.sector),
    ...aimsProp('organization-size', profile.size),
    ...profile.aiRoles.map((r) => ({ name: 'ai-role', ns: AIMS_NS, value: r })),
    ...aimsProp('climate-change-relevant', profile.climateRelevant),
  ];

  return {
    'system-security-plan': {
      uuid: await uuid('system-security-plan'),
      metadata: compact({
        title: `Statement of Applicability and implementation status — ${orgName}`,
        published: ws.soaMeta.date ? `${ws.soaMeta.date}T00:00:00Z` : undefined,
        'last-modified': options.exportedAt,
        version: oneLine(ws.soaMeta.version) ?? 'draft',
        'oscal-version': options.oscalVersion ?? OSCAL_VERSION,
        props: [
          { name: 'catalog-version', ns: AIMS_NS, value: catalog.catalogVersion },
          { name: 'generator', ns: AIMS_NS, value: `AIMS Workbench ${options.appVersion}` },
        ],
        roles: [
          { id: ROLE_ORGANIZATION, title: 'Organization the AIMS belongs to' },
          { id: ROLE_OWNER, title: 'Control owner' },
          { id: ROLE_APPROVER, title: 'Approver of the Statement of Applicability' },
        ],
        parties: [...parties.values()],
        'responsible-parties': [
          { 'role-id': ROLE_ORGANIZATION, 'party-uuids': [orgParty] },
          ...(approverParty ? [{ 'role-id': ROLE_APPROVER, 'party-uuids': [approverParty] }] : []),
        ],
        remarks:
          'Exported from AIMS Workbench. Every clause item and Annex A control of ISO/IEC 42001:2023 is listed with its applicability, ' +
          `justification, status and owner. The baseline is ${OSCAL_FILES.profile}, which selects every control of ${OSCAL_FILES.catalog}; keep the three files together.`,
      }),
      'import-profile': { href: OSCAL_FILES.profile },
      'system-characteristics': compact({
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: await uuid('system') }],
        'system-name': `${orgName} AI management system (AIMS)`,
        'system-name-short': 'AIMS',
        description:
          `The AI management system of ${orgName} under ISO/IEC 42001:2023, as recorded in AIMS Workbench (workspace "${oneLine(ws.name) ?? ''}").\n\n` +
          (scope ? `Scope (clause 4.3):\n\n${scope}` : 'No scope statement has been recorded yet (clause 4.3).'),
        props: systemProps,
        'system-information': {
          'information-types': [
            {
              uuid: await uuid('information-type/ai'),
              title: 'AI systems and the data they use',
              description: 'The AI systems in the scope of the AIMS, their data, and the records of the management system.',
            },
          ],
        },
        status: { state: allDone ? 'operational' : 'under-development' },
        'authorization-boundary': {
          description: scope
            ? `The scope of the AIMS as determined under clause 4.3:\n\n${scope}`
            : 'The scope of the AIMS as determined under clause 4.3 (no scope statement recorded yet).',
        },
      }),
      'system-implementation': {
        users: [{ uuid: await uuid('user/control-owner'), title: 'Control owners', 'role-ids': [ROLE_OWNER] }],
        components: [thisSystem, ...ownComponents.values()],
      },
      'control-implementation': {
        description: 'Statement of Applicability (ISO/IEC 42001 clause 6.1.3) and the implementation status of every clause item and Annex A control.',
        'implemented-requirements': requirements,
      },
    },
  };
}
