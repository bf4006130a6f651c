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
    name: field.text('ai.name', 'Name', { required: true, section: 'main' }),
    description: field.long('ai.description', 'Description', { section: 'main' }),
    purpose: field.long('ai.purpose', 'Intended purpose', { help: 'ai.purpose.help', section: 'main' }),
    role: field.maybe('ai.role', 'Our role', aiSystemRoles, 'ai.role', { section: 'main' }),
    systemType: field.maybe('ai.systemType', 'Type', aiSystemTypes, 'ai.type', { section: 'main' }),
    lifecycleStage: field.maybe('ai.lifecycleStage', 'Life-cycle stage', lifecycleStages, 'ai.stage', { section: 'main' }),
    inScope: field.choice('ai.inScope', 'In AIMS scope', ['undecided', 'yes', 'no'], 'ai.inScope', 'undecided', { section: 'main' }),
    status: field.choice('ai.status', 'Status', aiSystemStatuses, 'ai.statusValue', 'planned', { section: 'main' }),
    owner: field.text('ai.owner', 'Owner', { section: 'main' }),
    suppliers: field.long('ai.suppliers', 'Suppliers and third-party components', { help: 'ai.suppliers.help', section: 'main' }),
    dataSources: field.long('ai.dataSources', 'Data used', { section: 'main' }),
    personalData: field.choice('ai.personalData', 'Personal data', personalDataKinds, 'ai.personal', 'unknown', { section: 'main' }),
    affectedParties: field.long('ai.affectedParties', 'Users and affected parties', { section: 'main' }),
    deploymentContext: field.long('ai.deploymentContext', 'Deployment context', { section: 'main' }),
    euAiActCategory: field.choice('ai.euAiActCategory', 'EU AI Act category (indicative)', euAiActCategories, 'ai.eu', 'not-assessed', {
      help: 'ai.euAiActCategory.help',
      section: 'main',
    }),
    annexIIIArea: field.maybe('ai.annexIIIArea', 'Annex III area', annexIIIAreas, 'ai.annexIII', { section: 'main' }),
    euAiActNote: field.long('ai.euAiActNote', 'EU AI Act note', { section: 'main' }),
  },
  list: ['name', 'systemType', 'lifecycleStage', 'role', 'euAiActCategory', 'inScope', 'owner', 'status'],
});

export const aiSystemSchema = aiSystemRegister.schema;
export type AiSystem = z.infer<typeof aiSystemSchema>;
export type AiSystemPatch = Partial<Omit<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

export function blankAiSystem(base: Pick<AiSystem, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, name: string): AiSystem {
  return aiSystemSchema.parse({ ...aiSystemRegister.blank(), ...base, name });
}

export const aiSystemFields = aiSystemRegister.inputs;
