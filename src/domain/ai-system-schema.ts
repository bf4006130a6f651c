import { z } from 'zod';
import { defineRegister, field } from './register';

export const aiSystemRoles = ['provider', 'developer', 'deployer', 'user', 'importer', 'distributor', 'other'] as const;
export const aiSystemTypes = ['in-house-model', 'fine-tuned-model', 'third-party-service', 'embedded', 'rule-based', 'other'] as const;
/** AI system life cycle stages (ISO/IEC 22989 vocabulary). */
export const lifecycleStages = [
  'inception',
  'design-development',
  'verification-validation',
  'deployment',
  'operation-monitoring',
  're-evaluation',
  'retirement',
] as const;
export const personalDataKinds = ['unknown', 'none', 'personal', 'sensitive'] as const;
/** Indicative only: a first sorting under Regulation (EU) 2024/1689, never a legal classification. */
export const euAiActCategories = ['not-assessed', 'prohibited', 'high-risk', 'transparency', 'minimal', 'gpai-model'] as const;
export const annexIIIAreas = [
  'biometrics',
  'critical-infrastructure',
  'education',
  'employment',
  'essential-services',
  'law-enforcement',
  'migration-border',
  'justice-democracy',
] as const;
export const aiSystemStatuses = ['planned', 'active', 'suspended', 'retired'] as const;

/** The AI system inventory, declared once (schema, editor, list, sheet, history, report). */
export const aiSystemRegister = defineRegister({
  table: 'aiSystems',
  fields: {
    name: field.text('ai.name', 'Name', { required: true, section: 'system' }),
    description: field.long('ai.description', 'Description', { section: 'system' }),
    purpose: field.long('ai.purpose', 'Intended purpose', { help: 'ai.purpose.help', section: 'system' }),
    role: field.maybe('ai.role', 'Our role', aiSystemRoles, 'ai.role', { section: 'system' }),
    systemType: field.maybe('ai.systemType', 'Type', aiSystemTypes, 'ai.type', { section: 'system' }),
    lifecycleStage: field.maybe('ai.lifecycleStage', 'Life-cycle stage', lifecycleStages, 'ai.stage', { section: 'system' }),
    inScope: field.choice('ai.inScope', 'In AIMS scope', ['undecided', 'yes', 'no'], 'ai.inScope', 'undecided', { section: 'system' }),
    status: field.choice('ai.status', 'Status', aiSystemStatuses, 'ai.statusValue', 'planned', { section: 'system' }),
    owner: field.text('ai.owner', 'Owner', { section: 'system' }),
    suppliers: field.long('ai.suppliers', 'Suppliers and third-party components', { help: 'ai.suppliers.help', section: 'data' }),
    dataSources: field.long('ai.dataSources', 'Data used', { section: 'data' }),
    personalData: field.choice('ai.personalData', 'Personal data', personalDataKinds, 'ai.personal', 'unknown', { section: 'data' }),
    affectedParties: field.long('ai.affectedParties', 'Users and affected parties', { section: 'data' }),
    deploymentContext: field.long('ai.deploymentContext', 'Deployment context', { section: 'data' }),
    euAiActCategory: field.choice('ai.euAiActCategory', 'EU AI Act category (indicative)', euAiActCategories, 'ai.eu', 'not-assessed', {
      help: 'ai.euAiActCategory.help',
      section: 'euAiAct',
    }),
    annexIIIArea: field.maybe('ai.annexIIIArea', 'Annex III area', annexIIIAreas, 'ai.annexIII', { section: 'euAiAct' }),
    euAiActNote: field.long('ai.euAiActNote', 'EU AI Act note', { section: 'euAiAct' }),
  },
  list: ['name', 'systemType', 'lifecycleStage', 'role', 'euAiActCategory', 'inScope', 'owner', 'status'],
  summary: ['owner', 'status', 'lifecycleStage', 'euAiActCategory'],
  sections: { system: 'ai.sectionSystem', data: 'ai.sectionData', euAiAct: 'ai.sectionEuAiAct' },
});

export const aiSystemSchema = aiSystemRegister.schema;
export type AiSystem = z.infer<typeof aiSystemSchema>;
export type AiSystemPatch = Partial<Omit<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

export function blankAiSystem(base: Pick<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, name: string): AiSystem {
  return aiSystemSchema.parse({ ...aiSystemRegister.blank(), ...base, name });
}

export const aiSystemFields = aiSystemRegister.inputs;
