import type { AiSystem } from './ai-system-schema';
import { draws } from './generate-draws';
import { generateImpactAssessments } from './generate-impacts';
import { generateAiSystems, generateOwnControls } from './generate-registers';
import { generateRisks } from './generate-risks';
import type { ImpactAssessment } from './impact-assessment-schema';
import type { OwnControl } from './own-control-schema';
import { DEFAULT_PRESET, presetMatrix } from './risk-matrix-presets';
import { riskSchema, type Risk } from './risk-schema';
import { profileSchema, soaMetaSchema, workspaceSchema, type Workspace } from './workspace-schema';

export { annexAControlIds } from './annex-a-control-ids';

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

/**
 * The workspace, then its registers in a fixed order (systems, own controls, risks, impact
 * assessments), all drawing from the one seeded sequence: the order is part of the output.
 */
export function generateWorkspace(options: GenerateOptions = {}): GeneratedWorkspace {
  const { seed = 1, aiSystems: nSystems = 500, risks: nRisks = 10_000, ownControls: nControls = 200, impactAssessments: nAssessments = 20 } = options;
  const end = Date.parse(options.now ?? '2025-06-30T12:00:00.000Z');
  const d = draws(seed, end);

  const workspaceId = options.workspaceId ?? d.id();
  const matrix = presetMatrix(DEFAULT_PRESET);
  const workspace = workspaceSchema.parse({
    id: workspaceId,
    name: options.name ?? `Benchmark workspace (seed ${seed})`,
    createdAt: d.before(800),
    updatedAt: d.before(0),
    catalogVersion: options.catalogVersion ?? '1.0.0',
    profile: profileSchema.parse({ organizationName: 'Example Insurance Group', sector: 'Insurance', size: 'large', aiRoles: ['ai-provider', 'ai-customer'] }),
    soaMeta: soaMetaSchema.parse({ version: '1.2', date: d.date(-60, 30), approver: 'Management board' }),
    riskMatrix: matrix,
  });

  const aiSystems = generateAiSystems(d, workspaceId, nSystems);
  const ownControls = generateOwnControls(d, workspaceId, nControls);
  const risks = generateRisks(d, workspaceId, nRisks, matrix, aiSystems, ownControls);
  const impactAssessments = generateImpactAssessments(d, workspaceId, nAssessments, aiSystems, risks);

  return { workspace, aiSystems, risks: risks.map((x) => riskSchema.parse(x)), ownControls, impactAssessments };
}
