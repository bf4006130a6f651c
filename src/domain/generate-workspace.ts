import {
  aiSystemSchema,
  aiSystemRoles,
  aiSystemStatuses,
  aiSystemTypes,
  annexIIIAreas,
  euAiActCategories,
  lifecycleStages,
  personalDataKinds,
  type AiSystem,
} from './ai-system-schema';
import { aiObjectiveIds, riskSourceIds } from './annex-c';
import {
  affectedKinds,
  impactAreas,
  impactAssessmentSchema,
  impactLikelihoods,
  impactScales,
  reversibilities,
  severities,
  type ImpactAssessment,
} from './impact-assessment-schema';
import { ownControlSchema, ownControlStatuses, type OwnControl } from './own-control-schema';
import { levelOf } from './risk-matrix';
import { DEFAULT_PRESET, presetMatrix } from './risk-matrix-presets';
import { riskRegister, riskSchema, treatmentOptions, type Risk } from './risk-schema';
import { profileSchema, soaMetaSchema, workspaceSchema, type Workspace } from './workspace-schema';

/**
 * A realistic large workspace for benchmarks and tests: the same seed always gives the same
 * records (no Math.random, no clock), and every record is parsed through its schema.
 */
export interface GenerateOptions {
  seed?: number;
  aiSystems?: number;
  risks?: number;
  ownControls?: number;
  impactAssessments?: number;
  workspaceId?: string;
  name?: string;
  catalogVersion?: string;
  /** The generated history ends here (an ISO timestamp). */
  now?: string;
}

export interface GeneratedWorkspace {
  workspace: Workspace;
  aiSystems: AiSystem[];
  risks: Risk[];
  ownControls: OwnControl[];
  impactAssessments: ImpactAssessment[];
}

/** Every Annex A control id of ISO/IEC 42001:2023 (a unit test keeps it equal to the catalog). */
export const annexAControlIds = [
  'A.2.2',
  'A.2.3',
  'A.2.4',
  'A.3.2',
  'A.3.3',
  'A.4.2',
  'A.4.3',
  'A.4.4',
  'A.4.5',
  'A.4.6',
  'A.5.2',
  'A.5.3',
  'A.5.4',
  'A.5.5',
  'A.6.1.2',
  'A.6.1.3',
  'A.6.2.2',
  'A.6.2.3',
  'A.6.2.4',
  'A.6.2.5',
  'A.6.2.6',
  'A.6.2.7',
  'A.6.2.8',
  'A.7.2',
  'A.7.3',
  'A.7.4',
  'A.7.5',
  'A.7.6',
  'A.8.2',
  'A.8.3',
  'A.8.4',
  'A.8.5',
  'A.9.2',
  'A.9.3',
  'A.9.4',
  'A.10.2',
  'A.10.3',
  'A.10.4',
] as const;

const PEOPLE = [
  'Dana Okafor',
  'Sam Lindqvist',
  'Priya Raman',
  'Jonas Weber',
  'Amélie Roux',
  'Kenji Sato',
  'Lucía Pérez',
  'Tom Byrne',
  'Fatima Zahra',
  'Ola Nordmann',
];
const DOMAINS = [
  'Claims',
  'Credit',
  'Fraud',
  'Customer support',
  'Recruiting',
  'Pricing',
  'Supply chain',
  'Marketing',
  'Radiology',
  'Maintenance',
  'Contract',
  'Translation',
  'Payments',
  'Onboarding',
  'Logistics',
  'Energy',
  'Security',
  'HR',
  'Legal',
  'Sales',
];
const FUNCTIONS = [
  'triage classifier',
  'scoring model',
  'chat assistant',
  'anomaly detector',
  'document summarizer',
  'forecasting model',
  'recommendation engine',
  'image classifier',
  'speech transcriber',
  'routing optimizer',
  'entity extractor',
  'copilot',
];
const SUPPLIERS = ['OpenModel Inc. (hosted LLM)', 'CloudVision API', 'in-house data platform', 'Acme Labelling Ltd.', 'open-source model from a public hub'];
const HAZARDS = [
  'Training data drift degrades accuracy',
  'Biased outcomes for a protected group',
  'Prompt injection exposes customer data',
  'Model inversion reveals personal data',
  'Unexplainable decision challenged by a customer',
  'Supplier changes the model without notice',
  'Operators over-rely on recommendations',
  'Hallucinated content reaches customers',
  'Adversarial inputs evade detection',
  'Logging misses decisions needed for audit',
  'Retraining uses data without a legal basis',
  'Outage of the hosted model stops the process',
  'Energy use exceeds the sustainability target',
  'Feedback loop amplifies earlier errors',
  'Unclear accountability for model changes',
  'Children are exposed to unsuitable output',
  'Accessibility barriers for users with disabilities',
  'Labelling errors in the ground truth',
];
const PRACTICES = [
  'Bias testing before release',
  'Model card review',
  'Human review of high-impact decisions',
  'Data provenance register',
  'Red-team exercise',
  'Drift monitoring dashboard',
  'Supplier AI clause',
  'Incident playbook for AI',
  'Explainability report',
  'Access review for training data',
  'Release sign-off board',
  'User notice of AI interaction',
];

/** mulberry32: small, fast and good enough to spread test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const chance = (p: number): boolean => next() < p;
  /** `k` distinct entries, in list order. */
  const some = <T>(list: readonly T[], k: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(int(list.length));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i] as T);
  };
  return { next, int, pick, chance, some };
}

const DAY = 86_400_000;

export function generateWorkspace(options: GenerateOptions = {}): GeneratedWorkspace {
  const { seed = 1, aiSystems: nSystems = 500, risks: nRisks = 10_000, ownControls: nControls = 200, impactAssessments: nAssessments = 20 } = options;
  const r = prng(seed);
  const end = Date.parse(options.now ?? '2025-06-30T12:00:00.000Z');
  let counter = 0;
  // Random-looking uuids; the counter in the last group makes them unique whatever the draws.
  const id = (): string => {
    const hex = (n: number) => Array.from({ length: n }, () => r.int(16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + r.int(4)).toString(16)}${hex(3)}-${(++counter).toString(16).padStart(12, '0')}`;
  };
  const stamps = () => {
    const created = end - r.int(730) * DAY - r.int(DAY);
    return { createdAt: new Date(created).toISOString(), updatedAt: new Date(created + r.int(Math.max(1, end - created))).toISOString() };
  };
  const date = (fromDays: number, spanDays: number) => new Date(end + (fromDays + r.int(spanDays)) * DAY).toISOString().slice(0, 10);

  const workspaceId = options.workspaceId ?? id();
  const matrix = presetMatrix(DEFAULT_PRESET);
  const workspace = workspaceSchema.parse({
    id: workspaceId,
    name: options.name ?? `Benchmark workspace (seed ${seed})`,
    createdAt: new Date(end - 800 * DAY).toISOString(),
    updatedAt: new Date(end).toISOString(),
    catalogVersion: options.catalogVersion ?? '1.0.0',
    profile: profileSchema.parse({ organizationName: 'Example Insurance Group', sector: 'Insurance', size: 'large', aiRoles: ['ai-provider', 'ai-customer'] }),
    soaMeta: soaMetaSchema.parse({ version: '1.2', date: date(-60, 30), approver: 'Management board' }),
    riskMatrix: matrix,
  });

  const aiSystems = Array.from({ length: nSystems }, (_, i): AiSystem => {
    const category = r.pick(euAiActCategories);
    return aiSystemSchema.parse({
      id: id(),
      workspaceId,
      ...stamps(),
      name: `SYS-${String(i + 1).padStart(3, '0')} ${r.pick(DOMAINS)} ${r.pick(FUNCTIONS)}`,
      description: `Supports the ${r.pick(DOMAINS).toLowerCase()} team; runs ${r.chance(0.5) ? 'in batch every night' : 'on each request'}.`,
      purpose: 'Speed up routine decisions while keeping a person accountable for the outcome.',
      role: r.chance(0.9) ? r.pick(aiSystemRoles) : null,
      systemType: r.chance(0.9) ? r.pick(aiSystemTypes) : null,
      lifecycleStage: r.chance(0.9) ? r.pick(lifecycleStages) : null,
      inScope: r.pick(['yes', 'yes', 'yes', 'no', 'undecided'] as const),
      owner: r.pick(PEOPLE),
      suppliers: r.chance(0.6) ? r.pick(SUPPLIERS) : '',
      dataSources: 'Customer records, case notes and historical outcomes.',
      personalData: r.pick(personalDataKinds),
      affectedParties: 'Customers, applicants and the staff who act on the output.',
      deploymentContext: r.chance(0.5) ? 'Internal web application, EU data centre.' : '',
      euAiActCategory: category,
      annexIIIArea: category === 'high-risk' ? r.pick(annexIIIAreas) : null,
      euAiActNote: category === 'not-assessed' ? '' : 'Indicative sorting, to be confirmed by legal.',
      status: r.pick(aiSystemStatuses),
    });
  });

  const ownControls = Array.from({ length: nControls }, (_, i): OwnControl =>
    ownControlSchema.parse({
      id: id(),
      workspaceId,
      ...stamps(),
      name: `OC-${String(i + 1).padStart(3, '0')} ${r.pick(PRACTICES)}`,
      description: 'Documented in the AI governance handbook.',
      owner: r.pick(PEOPLE),
      status: r.pick(ownControlStatuses),
      annexAControls: r.some(annexAControlIds, 1 + r.int(3)),
    }),
  );

  const width = Math.max(3, String(nRisks).length);
  const risks: Risk[] = Array.from({ length: nRisks }, (_, i) => {
    const hazard = r.pick(HAZARDS);
    const systems = nSystems ? r.some(aiSystems, 1 + r.int(3)).map((s) => s.id) : [];
    const rated = r.chance(0.9);
    const il = rated ? r.int(matrix.probability.length) : null;
    const ii = rated ? r.int(matrix.impact.length) : null;
    const status = rated ? r.pick(['assessed', 'treating', 'treating', 'monitoring', 'closed'] as const) : 'identified';
    const treatment = status === 'identified' ? null : r.pick<Risk['treatment']>([...treatmentOptions, 'modify', 'modify']);
    const treated = treatment === 'modify' || treatment === 'share';
    const residual = il !== null && ii !== null && (status === 'monitoring' || status === 'closed' || (status === 'treating' && r.chance(0.4)));
    const rl = residual ? r.int((il ?? 0) + 1) : null;
    const ri = residual ? r.int((ii ?? 0) + 1) : null;
    const level = levelOf(matrix, rl, ri);
    const accepted = treatment === 'retain' || (level !== null && !level.acceptable && r.chance(0.5));
    const source = r.chance(0.9) ? r.pick([...riskSourceIds, 'other'] as const) : null;
    return {
      // Every declared field at its blank first: a field added to the register later is generated blank.
      ...riskRegister.blank(),
      id: id(),
      workspaceId,
      ...stamps(),
      ref: `R-${String(i + 1).padStart(width, '0')}`,
      title: `${hazard} (${r.pick(DOMAINS).toLowerCase()})`,
      description: `${hazard}. Seen in review ${1 + r.int(40)}.`,
      aiSystemIds: systems,
      riskSource: source,
      riskSourceOther: source === 'other' ? 'Organizational change' : '',
      objectives: r.some(aiObjectiveIds, 1 + r.int(3)),
      consequenceOrganization: r.chance(0.7) ? 'Regulatory findings and rework.' : '',
      consequenceIndividuals: r.chance(0.6) ? 'Wrong decisions about people, hard to contest.' : '',
      consequenceSociety: r.chance(0.2) ? 'Loss of trust in automated services.' : '',
      inherentLikelihood: il,
      inherentImpact: ii,
      owner: r.pick(PEOPLE),
      treatment,
      annexAControls: treated ? r.some(annexAControlIds, 1 + r.int(4)) : [],
      ownControlIds: treated && nControls && r.chance(0.6) ? r.some(ownControls, 1 + r.int(3)).map((c) => c.id) : [],
      treatmentPlan: treated ? 'Introduce the listed controls and re-rate after one quarter.' : '',
      treatmentDue: treated ? date(-90, 365) : null,
      residualLikelihood: rl,
      residualImpact: ri,
      acceptedBy: accepted ? r.pick(PEOPLE) : '',
      acceptedOn: accepted ? date(-200, 180) : null,
      acceptanceNote: accepted ? 'Accepted for one review cycle.' : '',
      nextReview: status === 'closed' ? null : date(0, 365),
      status,
      sourceImpact: null,
    } satisfies Risk;
  });

  const impactAssessments: ImpactAssessment[] = [];
  const linked = new Set<number>();
  const assessedSystems = r.some(aiSystems, nAssessments);
  for (const system of assessedSystems) {
    const approved = r.chance(0.5);
    const assessmentId = id();
    const impacts = Array.from({ length: 1 + r.int(4) }, () => {
      const impactId = id();
      const area = r.pick(impactAreas);
      let riskId: string | null = null;
      if (risks.length && r.chance(0.4)) {
        const k = r.int(risks.length);
        if (!linked.has(k)) {
          linked.add(k);
          const risk = risks[k]!;
          risk.sourceImpact = { assessmentId, impactId };
          if (!risk.aiSystemIds.includes(system.id)) risk.aiSystemIds = [...risk.aiSystemIds, system.id];
          riskId = risk.id;
        }
      }
      return {
        id: impactId,
        area,
        affected: r.pick(affectedKinds),
        affectedWho: r.pick(['Applicants', 'Customers over 65', 'Call-centre staff', 'Residents of the service area']),
        description: `Possible ${area.replace(/-/g, ' ')} impact from automated decisions.`,
        severity: r.pick(severities),
        likelihood: r.pick(impactLikelihoods),
        reversibility: r.pick(reversibilities),
        scale: r.pick(impactScales),
        existingMitigations: 'Human review of contested cases.',
        plannedMitigations: r.chance(0.5) ? 'Add an appeal channel and monitor complaint rates.' : '',
        residual: r.pick(['low', 'medium', 'high'] as const),
        riskId,
      };
    });
    impactAssessments.push(
      impactAssessmentSchema.parse({
        id: assessmentId,
        workspaceId,
        ...stamps(),
        aiSystemId: system.id,
        seriesId: assessmentId,
        version: 1,
        state: approved ? 'approved' : 'draft',
        intendedUse: system.purpose,
        foreseeableMisuse: 'Used for decisions outside its validated population.',
        deploymentEnvironment: system.deploymentContext,
        affectedParties: system.affectedParties,
        impacts,
        residualSummary: approved ? 'Residual impacts are acceptable with the listed conditions.' : '',
        conclusion: approved ? 'Proceed with conditions.' : '',
        decision: approved ? 'proceed-with-conditions' : null,
        conditions: approved ? 'Quarterly fairness report to the AI board.' : '',
        assessor: r.pick(PEOPLE),
        assessedOn: date(-300, 100),
        reviewer: approved ? r.pick(PEOPLE) : '',
        reviewedOn: approved ? date(-200, 50) : null,
        approver: approved ? 'Chief Risk Officer' : '',
        approvedOn: approved ? date(-150, 50) : null,
        nextReview: date(30, 300),
      }),
    );
  }

  return { workspace, aiSystems, risks: risks.map((x) => riskSchema.parse(x)), ownControls, impactAssessments };
}
