import { listMappings, type SavedMappings } from '../db/mappings-repo';
import type { Catalog } from '../domain/catalog-model';
import { locale } from '../i18n/i18n';
import type { MappingContext } from '../io/mapping/mapping';
import { mappingRefusals } from '../io/mapping/mapping-read';
import type { IoProblem } from '../io/problems';
import type { ReadSheet } from '../io/sheets/sheet-read';
import type { TextEncodingName } from '../io/text-decode';
import { runWorker } from './bundles';
import { loadMappingContext } from './mapping-context';

export type EncodingChoice = 'detect' | TextEncodingName;
const GUESSED = 'csv-encoding-guessed';

export type MappingRead =
  | { ok: false; problems: IoProblem[] }
  | {
      ok: true;
      sheets: ReadSheet[];
      /** Worth telling, the encoding guess apart (it is asked about instead). */
      warnings: IoProblem[];
      /** A CSV whose encoding is only a guess: the wizard asks before going on. */
      encodingGuessed: boolean;
      context: Omit<MappingContext, 'sheet'>;
      saved: SavedMappings;
    };

/**
 * Reads a chosen file for the mapping wizard: its sheets, in the worker, with what mapping needs
 * from the workspace (matrix, systems, controls) and the saved mappings, at the same time. A file
 * the wizard cannot map comes back as its problems.
 */
export async function readForMapping(file: File, encoding: EncodingChoice, workspaceId: string, catalog: Catalog): Promise<MappingRead> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const csvEncoding = encoding === 'detect' ? undefined : encoding;
  const job = runWorker(
    { type: 'read-sheets', bytes, fileName: file.name, locale: locale(), ...(csvEncoding ? { csvEncoding } : {}) },
    () => {},
    (r) => (r.type === 'sheets' ? r.result : undefined),
  );
  const [read, context, saved] = await Promise.all([job.done, loadMappingContext(workspaceId, catalog), listMappings()]);
  const refusals = read.ok ? mappingRefusals(read.warnings) : read.problems;
  if (!read.ok || refusals.length > 0) return { ok: false, problems: refusals };
  return {
    ok: true,
    sheets: read.sheets,
    warnings: read.warnings.filter((w) => w.code !== GUESSED),
    encodingGuessed: read.warnings.some((w) => w.code === GUESSED),
    context,
    saved,
  };
}
