import { z } from 'zod';
import { defineFields, LONG_TEXT_MAX, TEXT_MAX } from './fields';
import { controlIdSchema, recordBase } from './record-base';

export const ownControlStatuses = ['planned', 'in-progress', 'implemented', 'retired'] as const;

/** The organization's own controls: what it actually does, mapped to the Annex A controls it implements. */
export const ownControlSchema = z.strictObject({
  ...recordBase,
  name: z.string().trim().min(1).max(TEXT_MAX),
  description: z.string().max(LONG_TEXT_MAX),
  owner: z.string().max(TEXT_MAX),
  status: z.enum(ownControlStatuses),
  annexAControls: z.array(controlIdSchema).max(60),
});
export type OwnControl = z.infer<typeof ownControlSchema>;
export type OwnControlPatch = Partial<Omit<OwnControl, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>>;

export function blankOwnControl(base: Pick<OwnControl, 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>, name: string): OwnControl {
  return ownControlSchema.parse({ ...base, name, description: '', owner: '', status: 'planned', annexAControls: [] });
}

export const ownControlFields = defineFields<keyof OwnControlPatch>([
  { key: 'name', kind: 'text', label: 'ownControl.name', column: 'Name', maxLength: TEXT_MAX },
  { key: 'description', kind: 'textarea', label: 'ownControl.description', column: 'Description', maxLength: LONG_TEXT_MAX },
  { key: 'owner', kind: 'text', label: 'ownControl.owner', column: 'Owner', maxLength: TEXT_MAX },
  { key: 'status', kind: 'enum', label: 'ownControl.status', options: ownControlStatuses, optionPrefix: 'ownControl.statusValue', column: 'Status' },
]);
