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
import { annexAControlIds } from './annex-a-control-ids';
import type { Draws } from './generate-draws';
import { DOMAINS, FUNCTIONS, PEOPLE, PRACTICES, SUPPLIERS } from './generate-words';
import { ownControlSchema, ownControlStatuses, type OwnControl } from './own-control-schema';

/** `nSystems` AI systems of the generated workspace, SYS-001 …, each parsed through its schema. */
export function generateAiSystems(d: Draws, workspaceId: string, nSystems: number): AiSystem[] {
  const { r, id, stamps } = d;
  return Array.from({ length: nSystems }, (_, i): AiSystem => {
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
}

/** `nControls` own controls of the generated workspace, OC-001 …, each mapped to one to three Annex A controls. */
export function generateOwnControls(d: Draws, workspaceId: string, nControls: number): OwnControl[] {
  const { r, id, stamps } = d;
  return Array.from({ length: nControls }, (_, i): OwnControl =>
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
}
