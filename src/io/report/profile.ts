import { valueFields } from '../../domain/register-values';
import type { Report } from './context';
import { recordFields } from './fields';
import type { Html } from './html';

const PREFIX = 'profile.';

/** The organization profile, as declared for the workspace record (`profile.<field>`). */
export function profileSection(r: Report): Html {
  const fields = valueFields('workspaces').filter((f) => f.key.startsWith(PREFIX));
  const record = Object.fromEntries(Object.entries(r.input.workspace.profile).map(([k, v]) => [`${PREFIX}${k}`, v]));
  return recordFields(r, fields, record);
}
