import { z } from 'zod';
import { timestampSchema } from './dates';

export const idSchema = z.string().min(1).max(64);

/** Every workspace register record carries these; ids are uuids that survive export and import. */
export const recordBase = {
  id: idSchema,
  workspaceId: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

export interface RegisterRecord {
  id: string;
  workspaceId: string;
  createdAt: string;
  updatedAt: string;
}

/** Annex A control ids as stored in treatment plans and own controls. */
export const controlIdSchema = z.string().regex(/^A\.\d{1,2}(\.\d{1,2}){1,2}$/, 'not an Annex A control id');
