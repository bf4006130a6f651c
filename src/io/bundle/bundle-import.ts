import type { ZodType } from 'zod';
import type { Catalog } from '../../domain/catalog-model';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleTableNames,
  bundleTables,
  MANIFEST_PATH,
  manifestHeadSchema,
  manifestSchema,
  type BundleTable,
  type Manifest,
} from './bundle-format';
import { readAttachments } from './bundle-attachments';
import { findBundleRoot, isSystemFile } from './bundle-folder';
import { checkReferences } from './bundle-references';
import { decryptBundle, isEncryptedContainer } from './crypto-container';
import { problemOf } from '../../domain/problem';
import { problem, type IoProblem } from '../problems';
import { DEFAULT_JSON_LIMITS, parseJsonSafely } from '../safe-json';
import { sha256Hex } from '../sha256';
import { openZip, ZipReadError, type SafeZip, type ZipLimits } from '../zip/zip-reader';

export type BundleRecords = { [T in BundleTable]: Record<string, unknown>[] };

export interface ParsedBundle {
  manifest: Manifest;
  /** Records per table, each valid by the current schema; tables the bundle does not carry are empty. */
  records: BundleRecords;
  included: ReadonlySet<BundleTable>;
  /** Verified attachment bytes by evidence id, as Blobs: posted from the worker to the page by reference, not copied. */
  attachments: Map<string, Blob>;
  /** Bytes of each data file read: what its records weigh, known without encoding them again. */
  sizes: Partial<Record<BundleTable, number>>;
  warnings: IoProblem[];
}

export type ParseResult = { ok: true; bundle: ParsedBundle } | { ok: false; problems: IoProblem[]; needsPassphrase?: boolean };

const MAX_PROBLEMS = 200;

/**
 * Restore steps, one per past format version: each turns a version-N bundle's raw manifest and
 * tables into version N+1. Version 1 is the first, so there is none yet.
 */
const restoreSteps: Record<number, (raw: { manifest: Record<string, unknown> }) => { manifest: Record<string, unknown> }> = {};

/**
 * Reads a bundle file completely and checks everything before anything is written: container,
 * zip safety, manifest, checksums and counts, every record against the current schema, every
 * reference, every attachment. Collects problems instead of stopping at the first.
 */
export async function parseBundle(
  bytes: Uint8Array,
  fileName: string,
  catalog: Catalog,
  opts: {
    passphrase?: string;
    limits?: Partial<ZipLimits>;
    file?: Blob;
    /**
     * Called once with the records when every one of them has passed its checks (schemas, ids,
     * references), before the attachments are read: the worker sends them to the page meanwhile.
     * Not called when a record fails; the result can still fail on an attachment after it.
     */
    onRecords?: (records: BundleRecords) => void;
  } = {},
): Promise<ParseResult> {
  let data = bytes;
  // The file the bytes came from: stored attachments are kept as slices of it (no copy). Not once decrypted.
  let file = opts.file;
  if (isEncryptedContainer(bytes)) {
    // Its header, lengths and settings are judged before a passphrase is asked for: a damaged file is refused as damaged.
    const d = await decryptBundle(bytes, opts.passphrase ?? '');
    if (!d.ok) {
      const needsPassphrase = d.problem.code === 'passphrase-required' || d.problem.code === 'wrong-passphrase-or-damaged';
      return { ok: false, needsPassphrase, problems: [{ ...d.problem, file: fileName }] };
    }
    data = d.plain;
    file = undefined;
  }
  const opened = await openZip(data, fileName, opts.limits, file);
  if (!opened.ok) return { ok: false, problems: opened.problems };
  try {
    return await readBundle(opened.zip, fileName, catalog, opts.onRecords);
  } catch (e) {
    if (e instanceof ZipReadError) return { ok: false, problems: [e.problem] };
    throw e;
  }
}

async function readJson(zip: SafeZip, path: string): Promise<{ ok: true; value: unknown } | { ok: false; problems: IoProblem[] }> {
  const text = await zip.readText(path);
  return parseJsonSafely(text, { file: path });
}

async function readBundle(file: SafeZip, fileName: string, catalog: Catalog, onRecords?: (records: BundleRecords) => void): Promise<ParseResult> {
  const root = findBundleRoot(file, fileName);
  if (!root.ok) return { ok: false, problems: root.problems };
  const zip = root.zip;
  const rawManifest = await readJson(zip, MANIFEST_PATH);
  if (!rawManifest.ok) return { ok: false, problems: rawManifest.problems };
  const head = manifestHeadSchema.safeParse(rawManifest.value);
  if (!head.success) return { ok: false, problems: [problemOf('manifest-invalid', { reason: 'format-required' }, { file: MANIFEST_PATH, field: 'format' })] };
  if (head.data.format !== BUNDLE_FORMAT)
    return { ok: false, problems: [problem('format-unknown', { file: MANIFEST_PATH, field: 'format', detail: head.data.format })] };
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    return {
      ok: false,
      problems: [
        problem('format-version-unsupported', { file: MANIFEST_PATH, field: 'formatVersion', detail: `${head.data.formatVersion} > ${BUNDLE_FORMAT_VERSION}` }),
      ],
    };
  }
  let raw = { manifest: rawManifest.value as Record<string, unknown> };
  for (let v = head.data.formatVersion; v < BUNDLE_FORMAT_VERSION; v++) {
    const step = restoreSteps[v];
    if (!step) return { ok: false, problems: [problem('format-version-unsupported', { file: MANIFEST_PATH, field: 'formatVersion', detail: String(v) })] };
    raw = step(raw);
  }
  const parsed = manifestSchema.safeParse(raw.manifest);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues
        .slice(0, MAX_PROBLEMS)
        .map((i) => problem('manifest-invalid', { file: MANIFEST_PATH, field: i.path.join('.'), detail: i.message })),
    };
  }
  const manifest = parsed.data;
  const problems: IoProblem[] = [];
  const warnings: IoProblem[] = [...root.warnings];
  const records = Object.fromEntries(bundleTableNames.map((t) => [t, []])) as unknown as BundleRecords;
  const included = new Set<BundleTable>();
  const sizes: ParsedBundle['sizes'] = {};

  if (!manifest.tables.workspaces) problems.push(problem('table-missing', { file: MANIFEST_PATH, field: 'tables.workspaces' }));
  for (const table of bundleTableNames) {
    const entry = manifest.tables[table];
    if (!entry) continue;
    included.add(table);
    const rows = await readTable(zip, table, entry, manifest, problems, sizes);
    if (rows) records[table] = rows;
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length === 0) {
    const ws = records.workspaces;
    if (ws.length !== 1 || ws[0]?.id !== manifest.workspace.id) problems.push(problem('workspace-mismatch', { file: bundleTables.workspaces.file }));
    const refs = checkReferences(records, included, catalog);
    for (const p of refs.errors) problems.push(p); // not push(...errors): 125,000+ arguments overflow the call stack
    for (const w of refs.warnings) warnings.push(w);
  }
  if (problems.length === 0) onRecords?.(records);
  const listed = new Set([MANIFEST_PATH, 'README.txt', 'report.html', ...Object.values(manifest.tables).map((e) => e.file)]);
  const attachments = problems.length === 0 ? await readAttachments(zip, manifest, records, problems, warnings, listed) : new Map<string, Blob>();
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  const unlisted = zip.entries.filter((e) => !listed.has(e.name) && !isSystemFile(e.name)).length;
  if (unlisted > 0) warnings.push(problem('entries-ignored', { file: fileName, detail: String(unlisted) }));
  return { ok: true, bundle: { manifest, records, included, attachments, sizes, warnings } };
}

async function readTable(
  zip: SafeZip,
  table: BundleTable,
  entry: Manifest['tables'][BundleTable] & object,
  manifest: Manifest,
  problems: IoProblem[],
  sizes: ParsedBundle['sizes'],
): Promise<Record<string, unknown>[] | null> {
  const { file, schema } = bundleTables[table];
  if (entry.file !== file) {
    problems.push(problemOf('manifest-invalid', { reason: 'expected-file', file }, { file: MANIFEST_PATH, field: `tables.${table}.file` }));
    return null;
  }
  if (!zip.has(file)) {
    problems.push(problem('file-missing', { file }));
    return null;
  }
  const bytes = await zip.read(file, DEFAULT_JSON_LIMITS.maxBytes); // refused, or stopped, at the data file's limit: "too large"
  sizes[table] = bytes.length;
  if ((await sha256Hex(bytes)) !== entry.sha256) {
    problems.push(problem('checksum-mismatch', { file }));
    return null;
  }
  const json = parseJsonSafely(new TextDecoder('utf-8', { fatal: false }).decode(bytes), { file });
  if (!json.ok) {
    for (const p of json.problems) problems.push(p);
    return null;
  }
  if (!Array.isArray(json.value)) {
    problems.push(problem('table-not-array', { file }));
    return null;
  }
  if (json.value.length !== entry.count)
    problems.push(problemOf('count-mismatch', { reason: 'record-count', count: json.value.length, expected: entry.count }, { file }));
  const seen = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  json.value.forEach((row: unknown, index: number) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const label = recordLabel(row, index);
    const r = (schema as ZodType<Record<string, unknown>>).safeParse(row);
    if (!r.success) {
      for (const issue of r.error.issues.slice(0, 5))
        problems.push(problem('record-invalid', { file, record: label, field: issue.path.join('.'), detail: issue.message }));
      return;
    }
    const id = String(r.data.id);
    if (seen.has(id)) problems.push(problem('duplicate-id', { file, record: id }));
    seen.add(id);
    const owner = table === 'workspaces' ? r.data.id : r.data.workspaceId;
    if (owner !== manifest.workspace.id) problems.push(problem('record-foreign', { file, record: id, field: table === 'workspaces' ? 'id' : 'workspaceId' }));
    rows.push(r.data);
  });
  return rows;
}

function recordLabel(row: unknown, index: number): string {
  const id = row && typeof row === 'object' && typeof (row as { id?: unknown }).id === 'string' ? (row as { id: string }).id : null;
  return id ? `${id} (#${index + 1})` : `#${index + 1}`;
}
