import { z } from 'zod';
import { defineRegister, field } from './register';

export const ownControlStatuses = ['planned', 'in-progress', 'implemented', 'retired'] as const;

/** The organization's own controls: what it actually does, mapped to the Annex A controls it implements. */
export const ownControlRegister = defineRegister({
  table: 'ownControls',
  fields: {
    name: field.text('ownControl.name', 'Name', { required: true, section: 'main' }),
    description: field.long('ownControl.description', 'Description', { section: 'main' }),
    owner: field.text('ownControl.owner', 'Owner', { section: 'main' }),
    status: field.choice('ownControl.status', 'Status', ownControlStatuses, 'ownControl.statusValue', 'planned', { section: 'main' }),
    annexAControls: field.refs('controls.annexA', 'Annex A controls', 'items', 60, { section: 'main', short: 'history.field.annexAControls' }),
  },
  list: ['name', 'annexAControls', 'owner', 'status'],
});

export const ownControlSchema = ownControlRegister.schema;
export type OwnControl = z.infer<typeof ownControlSchema>;
export type OwnControlPatch = Partial<Omit<OwnControl, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

export function blankOwnControl(base: Pick<OwnControl, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, name: string): OwnControl {
  return ownControlSchema.parse({ ...ownControlRegister.blank(), ...base, name });
}

export const ownControlFields = ownControlRegister.inputs;
