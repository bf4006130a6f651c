import { savedMappingSchema, type SavedMapping } from '../io/mapping/mapping-saved';
import { database } from './database';
import { guardWrite } from './errors';

/**
 * Column mappings saved for reuse, in the `settings` table under `mapping:<id>`. They belong to the
 * person, not to a workspace: the next file of the same shape maps in one step wherever it goes.
 * Every read is validated: a row another version or a damaged store left behind is reported, not used.
 */
const PREFIX = 'mapping:';
const keyOf = (id: string) => `${PREFIX}${id}`;

export interface SavedMappings {
  mappings: SavedMapping[];
  /** Keys of stored rows that are not valid mappings (kept, never overwritten silently). */
  invalid: string[];
}

export async function listMappings(): Promise<SavedMappings> {
  const rows = await database().settings.where('key').startsWith(PREFIX).toArray();
  const mappings: SavedMapping[] = [];
  const invalid: string[] = [];
  for (const row of rows) {
    const parsed = savedMappingSchema.safeParse(row.value);
    if (parsed.success && keyOf(parsed.data.id) === row.key) mappings.push(parsed.data);
    else invalid.push(row.key);
  }
  mappings.sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt));
  return { mappings, invalid };
}

export async function getMapping(id: string): Promise<SavedMapping | undefined> {
  const row = await database().settings.get(keyOf(id));
  const parsed = savedMappingSchema.safeParse(row?.value);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/** Saves (or replaces, by id) a mapping; throws on an invalid one, which only a bug can build. */
export async function saveMapping(mapping: SavedMapping): Promise<SavedMapping> {
  const valid = savedMappingSchema.parse(mapping);
  await guardWrite(() => database().settings.put({ key: keyOf(valid.id), value: valid }));
  return valid;
}

export async function deleteMapping(id: string): Promise<void> {
  await database().settings.delete(keyOf(id));
}
