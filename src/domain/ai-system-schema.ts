import { z } from 'zod';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';
import { recordBase } from './record-base';

export const aiSystemRoles = ['provider', 'developer', 'deployer', 'user', 'importer', 'distributor', 'other'] as const;
export const aiSystemTypes = ['in-house-model', 'fine-tuned-model', 'third-party-service', 'embedded', 'rule-based', 'other'] as const;
/** AI system life cycle stages (ISO/IEC 22989 vocabulary). */
export const lifecycleStages = ['inception', 'design-development', 'verification-validation', 'deployment', 'operation-monitoring', 're-evaluation', 'retirement'] as const;
export const personalDataKinds = ['unknown', 'none', 'personal', 'sensitive'] as const;
/** Indicative only: a first sorting under Regulation (EU) 2024/1689, never a legal classification. */
export const euAiActCategories = ['not-assessed', 'prohibited', 'high-risk', 'transparency', 'minimal', 'gpai-model'] as const;
export const annexIIIAreas = ['biometrics', 'critical-infrastructure', 'education', 'employment', 'essential-services', 'law-enforcement', 'migration-border', 'justice-democracy'] as const;
export const aiSystemStatuses = ['planned', 'active', 'suspended', 'retired'] as const;

export const aiSystemSchema = z.strictObject({
  ...recordBase,
  name: z.string().trim().min(1).max(TEXT_MAX),
  description: z.string().max(LONG_TEXT_MAX),
  purpose: z.string().max(LONG_TEXT_MAX),
  role: z.enum(aiSystemRoles).nullable(),
  systemType: z.enum(aiSystemTypes).nullable(),
  lifecycleStage: z.enum(lifecycleStages).nullable(),
  inScope: z.enum(['yes', 'no', 'undecided']),
  owner: z.string().max(TEXT_MAX),
  suppliers: z.string().max(LONG_TEXT_MAX),
  dataSources: z.string().max(LONG_TEXT_MAX),
  personalData: z.enum(personalDataKinds),
  affectedParties: z.string().max(LONG_TEXT_MAX),
  deploymentContext: z.string().max(LONG_TEXT_MAX),
  euAiActCategory: z.enum(euAiActCategories),
  annexIIIArea: z.enum(annexIIIAreas).nullable(),
  euAiActNote: z.string().max(LONG_TEXT_MAX),
  status: z.enum(aiSystemStatuses),
});
export type AiSystem = z.infer<typeof aiSystemSchema>;
export type AiSystemPatch = Partial<Omit<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

export function blankAiSystem(base: Pick<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, name: string): AiSystem {
  return aiSystemSchema.parse({
    ...base,
    name,
    description: '',
    purpose: '',
    role: null,
    systemType: null,
    lifecycleStage: null,
    inScope: 'undecided',
    owner: '',
    suppliers: '',
    dataSources: '',
    personalData: 'unknown',
    affectedParties: '',
    deploymentContext: '',
    euAiActCategory: 'not-assessed',
    annexIIIArea: null,
    euAiActNote: '',
    status: 'planned',
  });
}

export const aiSystemFields = defineFields<keyof AiSystemPatch>([
  { key: 'name', kind: 'text', label: 'ai.name', column: 'Name', maxLength: TEXT_MAX },
  { key: 'description', kind: 'textarea', label: 'ai.description', column: 'Description', maxLength: LONG_TEXT_MAX },
  { key: 'purpose', kind: 'textarea', label: 'ai.purpose', help: 'ai.purpose.help', column: 'Intended purpose', maxLength: LONG_TEXT_MAX },
  { key: 'role', kind: 'enum', label: 'ai.role', options: aiSystemRoles, optionPrefix: 'ai.role', column: 'Our role', nullable: true },
  { key: 'systemType', kind: 'enum', label: 'ai.systemType', options: aiSystemTypes, optionPrefix: 'ai.type', column: 'Type', nullable: true },
  { key: 'lifecycleStage', kind: 'enum', label: 'ai.lifecycleStage', options: lifecycleStages, optionPrefix: 'ai.stage', column: 'Life-cycle stage', nullable: true },
  { key: 'inScope', kind: 'enum', label: 'ai.inScope', options: ['undecided', 'yes', 'no'], optionPrefix: 'ai.inScope', column: 'In AIMS scope' },
  { key: 'status', kind: 'enum', label: 'ai.status', options: aiSystemStatuses, optionPrefix: 'ai.statusValue', column: 'Status' },
  { key: 'owner', kind: 'text', label: 'ai.owner', column: 'Owner', maxLength: TEXT_MAX },
  { key: 'suppliers', kind: 'textarea', label: 'ai.suppliers', help: 'ai.suppliers.help', column: 'Suppliers and third-party components', maxLength: LONG_TEXT_MAX },
  { key: 'dataSources', kind: 'textarea', label: 'ai.dataSources', column: 'Data used', maxLength: LONG_TEXT_MAX },
  { key: 'personalData', kind: 'enum', label: 'ai.personalData', options: personalDataKinds, optionPrefix: 'ai.personal', column: 'Personal data' },
  { key: 'affectedParties', kind: 'textarea', label: 'ai.affectedParties', column: 'Users and affected parties', maxLength: LONG_TEXT_MAX },
  { key: 'deploymentContext', kind: 'textarea', label: 'ai.deploymentContext', column: 'Deployment context', maxLength: LONG_TEXT_MAX },
  { key: 'euAiActCategory', kind: 'enum', label: 'ai.euAiActCategory', help: 'ai.euAiActCategory.help', options: euAiActCategories, optionPrefix: 'ai.eu', column: 'EU AI Act category (indicative)' },
  { key: 'annexIIIArea', kind: 'enum', label: 'ai.annexIIIArea', options: annexIIIAreas, optionPrefix: 'ai.annexIII', column: 'Annex III area', nullable: true },
  { key: 'euAiActNote', kind: 'textarea', label: 'ai.euAiActNote', column: 'EU AI Act note', maxLength: LONG_TEXT_MAX },
]);
