// The raw floor for the bundle benchmark: the same data volume through the libraries alone, no app
// code. Bundled by tests/bench/lib/seed-bundle.js into an IIFE (Vite library mode) and evaluated in
// the app's page. It holds JSZip, fflate (the second export floor; a devDependency, never in the
// app), Dexie and the record schemas from src/domain; the only other
// import is the Dexie store declaration (src/db/schema-versions), so the floor's bulkPut maintains
// the same indexes as the app's. Everything runs on the page's main thread.
import Dexie from 'dexie';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { schemaVersions } from '../../src/db/schema-versions';
import { aiSystemSchema } from '../../src/domain/ai-system-schema';
import { assessmentSchema } from '../../src/domain/assessment-schema';
import { evidenceSchema } from '../../src/domain/evidence-schema';
import { impactAssessmentSchema } from '../../src/domain/impact-assessment-schema';
import { ownControlSchema } from '../../src/domain/own-control-schema';
import { riskSchema } from '../../src/domain/risk-schema';
import { workspaceSchema } from '../../src/domain/workspace-schema';

const APP_DB = 'aims-workbench';
const FLOOR_DB = 'aims-bench-floor';

/** Table → zip path and schema, the same paths a bundle uses. */
const TABLES = /** @type {const} */ ({
  workspaces: { file: 'data/workspace.json', schema: workspaceSchema },
  assessments: { file: 'data/assessments.json', schema: assessmentSchema },
  evidence: { file: 'data/evidence.json', schema: evidenceSchema },
  aiSystems: { file: 'data/ai-systems.json', schema: aiSystemSchema },
  risks: { file: 'data/risks.json', schema: riskSchema },
  ownControls: { file: 'data/own-controls.json', schema: ownControlSchema },
  impactAssessments: { file: 'data/impact-assessments.json', schema: impactAssessmentSchema },
});
/** @typedef {keyof typeof TABLES} Table */
const TABLE_NAMES = /** @type {Table[]} */ (Object.keys(TABLES));
/** Already-compressed media types go in stored, everything else deflated (as a bundle does). */
const STORED = /^(application\/pdf|image\/(png|jpeg|gif|webp)|application\/vnd\.openxmlformats-officedocument\..*)$/;

/**
 * @typedef {{ workspaceId: string, rows: Record<Table, Record<string, unknown>[]>, files: { id: string, name: string, stored: boolean, blob: Blob }[] }} Prepared
 */
/** @type {Prepared | null} */
let prepared = null;

/**
 * Untimed set-up of the export floor, timed separately: one Dexie read transaction (plain Dexie in
 * dynamic mode on the app's database) holding the workspace's records and file blobs in memory.
 * @param {string} workspaceId
 */
async function prepareExport(workspaceId) {
  prepared = null;
  const t0 = performance.now();
  const db = new Dexie(APP_DB);
  try {
    await db.open();
    const names = [...TABLE_NAMES, 'evidenceFiles'];
    prepared = await db.transaction('r', names, async () => {
      const rows = /** @type {Record<Table, Record<string, unknown>[]>} */ ({});
      for (const t of TABLE_NAMES)
        rows[t] =
          t === 'workspaces'
            ? await db.table(t).where('id').equals(workspaceId).toArray()
            : await db.table(t).where('workspaceId').equals(workspaceId).toArray();
      const byId = new Map(rows.evidence.map((e) => [String(e.id), e]));
      const blobs = /** @type {{ id: string, blob: Blob }[]} */ (await db.table('evidenceFiles').where('workspaceId').equals(workspaceId).toArray());
      const files = blobs.map((f) => {
        const e = byId.get(f.id);
        return { id: f.id, name: String(e?.fileName ?? 'file'), stored: STORED.test(String(e?.mediaType ?? '')), blob: f.blob };
      });
      return { workspaceId, rows, files };
    });
  } finally {
    db.close();
  }
  const p = /** @type {Prepared} */ (prepared);
  return { readMs: performance.now() - t0, records: TABLE_NAMES.reduce((n, t) => n + p.rows[t].length, 0), files: p.files.length };
}

/** The export floor, timed: JSON.stringify per table, the file bytes, JSZip generate (deflate level 6, precompressed types stored). */
async function exportFloor() {
  if (!prepared) throw new Error('prepareExport first');
  const p = prepared;
  const t0 = performance.now();
  const zip = new JSZip();
  const encoder = new TextEncoder();
  for (const t of TABLE_NAMES) zip.file(TABLES[t].file, encoder.encode(JSON.stringify(p.rows[t])), { compression: 'DEFLATE' });
  for (const f of p.files)
    zip.file(`attachments/${f.id}/${f.name}`, new Uint8Array(await f.blob.arrayBuffer()), { compression: f.stored ? 'STORE' : 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { ms: performance.now() - t0, bytes: bytes.byteLength };
}

/**
 * The second export floor, timed right after the JSZip one on the same prepared data: the same
 * JSON.stringify per table and file bytes, zipped with fflate's zipSync (deflate level 6, the
 * precompressed types stored: level 0), on the page's main thread.
 */
async function exportFloorFflate() {
  if (!prepared) throw new Error('prepareExport first');
  const p = prepared;
  const t0 = performance.now();
  const encoder = new TextEncoder();
  /** @type {import('fflate').Zippable} */
  const files = {};
  for (const t of TABLE_NAMES) files[TABLES[t].file] = [encoder.encode(JSON.stringify(p.rows[t])), { level: 6 }];
  for (const f of p.files) files[`attachments/${f.id}/${f.name}`] = [new Uint8Array(await f.blob.arrayBuffer()), { level: f.stored ? 0 : 6 }];
  const bytes = zipSync(files, { level: 6 });
  return { ms: performance.now() - t0, bytes: bytes.byteLength };
}

/** Drops what prepareExport held, so the next measurement starts from a clean heap. */
function releaseExport() {
  prepared = null;
}

/** A file input for the import floor, outside the app's markup; Playwright sets its file. */
function addFileInput() {
  let input = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-floor-file'));
  if (!input) {
    input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-file';
    input.hidden = true;
    document.body.append(input);
  }
  return '#bench-floor-file';
}

/** @type {Dexie | null} */
let floorDb = null;

/** Untimed: a fresh, empty database with the app's stores and indexes. */
async function prepareImport() {
  floorDb?.close();
  await Dexie.delete(FLOOR_DB);
  const db = new Dexie(FLOOR_DB);
  const latest = /** @type {(typeof schemaVersions)[number]} */ (schemaVersions[schemaVersions.length - 1]);
  db.version(latest.version).stores(latest.stores);
  await db.open();
  floorDb = db;
}

/**
 * The import floor, timed: JSZip load of the chosen file, JSON.parse and zod parse of every record,
 * the attachment bytes as Blobs, then one Dexie bulkPut transaction over all tables.
 */
async function importFloor() {
  const db = floorDb;
  if (!db) throw new Error('prepareImport first');
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('bench-floor-file'));
  const file = input?.files?.[0];
  if (!file) throw new Error('no file chosen in #bench-floor-file');
  const t0 = performance.now();
  const zip = await JSZip.loadAsync(await file.arrayBuffer());
  const rows = /** @type {Partial<Record<Table, unknown[]>>} */ ({});
  for (const t of TABLE_NAMES) {
    const entry = zip.file(TABLES[t].file);
    if (!entry) continue;
    const schema = /** @type {import('zod').ZodType} */ (TABLES[t].schema);
    rows[t] = /** @type {unknown[]} */ (JSON.parse(await entry.async('string'))).map((r) => schema.parse(r));
  }
  const first = rows.workspaces?.[0];
  if (!first) throw new Error('the bundle has no workspace record');
  const workspaceId = String(/** @type {{ id: string }} */ (first).id);
  /** @type {{ id: string, workspaceId: string, blob: Blob }[]} */
  const files = [];
  let fileBytes = 0;
  for (const entry of Object.values(zip.files)) {
    const m = /^attachments\/([^/]+)\//.exec(entry.name);
    if (!m || entry.dir) continue;
    const bytes = await entry.async('uint8array');
    fileBytes += bytes.byteLength;
    files.push({ id: /** @type {string} */ (m[1]), workspaceId, blob: new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]) });
  }
  const t1 = performance.now();
  await db.transaction('rw', [...TABLE_NAMES, 'evidenceFiles'], async () => {
    for (const t of TABLE_NAMES) if (rows[t]?.length) await db.table(t).bulkPut(rows[t]);
    await db.table('evidenceFiles').bulkPut(files);
  });
  const t2 = performance.now();
  const counts = /** @type {Record<string, number>} */ ({});
  for (const t of [...TABLE_NAMES, 'evidenceFiles']) counts[t] = await db.table(t).count();
  return { ms: t2 - t0, parseMs: t1 - t0, writeMs: t2 - t1, fileBytes, counts };
}

/**
 * Rows per workspace table in a database (the app's by default), read back on a new connection.
 * @param {string} workspaceId
 * @param {string} [name]
 */
async function countRows(workspaceId, name = APP_DB) {
  const db = new Dexie(name);
  try {
    await db.open();
    const counts = /** @type {Record<string, number>} */ ({ workspaces: await db.table('workspaces').where('id').equals(workspaceId).count() });
    for (const t of [...TABLE_NAMES.filter((x) => x !== 'workspaces'), 'evidenceFiles'])
      counts[t] = await db.table(t).where('workspaceId').equals(workspaceId).count();
    let fileBytes = 0;
    await db
      .table('evidenceFiles')
      .where('workspaceId')
      .equals(workspaceId)
      .each((/** @type {{ blob: Blob }} */ f) => void (fileBytes += f.blob.size));
    return { counts, fileBytes };
  } finally {
    db.close();
  }
}

Object.assign(window, {
  __floor: { prepareExport, exportFloor, exportFloorFflate, releaseExport, addFileInput, prepareImport, importFloor, countRows },
});
