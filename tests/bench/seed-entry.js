// Bundled by tests/bench/lib/seed-bundle.js into an IIFE and evaluated in the app's page, so the
// benchmark writes through the app's own database class (same name, same schema version).
// __seed: the risk-list workload (also the spreadsheet one); __seedBundle: the bundle workload (adds
// answers, evidence, files); __risksMatching: what a spreadsheet import wrote.
import { AimsDatabase } from '../../src/db/database';
import { workspaceTables } from '../../src/db/schema-versions';
import { generateWorkspace } from '../../src/domain/generate-workspace';
import { assessmentSchema } from '../../src/domain/assessment-schema';
import { evidenceSchema } from '../../src/domain/evidence-schema';
import structure from '../../catalog/iso42001/structure.json';

/**
 * Generates a workspace and writes it in one transaction.
 * @param {import('../../src/domain/generate-workspace').GenerateOptions} options
 */
async function seed(options) {
  const t0 = performance.now();
  const g = generateWorkspace(options);
  const t1 = performance.now();
  const db = new AimsDatabase();
  try {
    await db.open();
    await db.transaction('rw', [db.workspaces, db.aiSystems, db.ownControls, db.risks, db.impactAssessments], async () => {
      await db.workspaces.put(g.workspace);
      await db.aiSystems.bulkPut(g.aiSystems);
      await db.ownControls.bulkPut(g.ownControls);
      await db.risks.bulkPut(g.risks);
      await db.impactAssessments.bulkPut(g.impactAssessments);
    });
  } finally {
    db.close();
  }
  return {
    workspaceId: g.workspace.id,
    generateMs: t1 - t0,
    writeMs: performance.now() - t1,
    expected: { aiSystems: g.aiSystems.length, ownControls: g.ownControls.length, risks: g.risks.length, impactAssessments: g.impactAssessments.length },
  };
}

/**
 * What IndexedDB holds for a workspace, per workspace table, read back from a new connection.
 * @param {string} workspaceId
 */
async function count(workspaceId) {
  const db = new AimsDatabase();
  try {
    await db.open();
    /** @type {Record<string, number>} */
    const counts = { workspaces: await db.workspaces.where('id').equals(workspaceId).count() };
    for (const t of workspaceTables) counts[t] = await db.table(t).where('workspaceId').equals(workspaceId).count();
    return { version: db.verno, counts };
  } finally {
    db.close();
  }
}

/**
 * The bundle benchmark's workspace: generateWorkspace's registers plus walkthrough answers for every
 * assessable catalog item, evidence links and file evidence whose bytes come from a seeded PRNG
 * (incompressible, or random printable text for text types, so deflated entries shrink a little).
 * Everything is written in one transaction through the app's own database class.
 * @param {{ seed: number, risks: number, aiSystems: number, ownControls: number, impactAssessments: number, otherRecords: number, files: number, fileBytes: number }} o
 */
async function seedBundleWorkload(o) {
  const t0 = performance.now();
  const g = generateWorkspace({
    seed: o.seed,
    risks: o.risks,
    aiSystems: o.aiSystems,
    ownControls: o.ownControls,
    impactAssessments: o.impactAssessments,
    name: `Bundle benchmark (seed ${o.seed})`,
  });
  const ws = g.workspace.id;
  const rand = mulberry32(o.seed ^ 0x5eed);
  const uuid = (/** @type {number} */ n) => {
    const hex = (/** @type {number} */ k) => Array.from({ length: k }, () => Math.floor(rand() * 16).toString(16)).join('');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${n.toString(16).padStart(12, '0')}`;
  };
  const stamp = (/** @type {number} */ i) => new Date(Date.parse('2025-06-30T12:00:00.000Z') - i * 3_600_000).toISOString();
  const items = /** @type {{ id: string, kind: string }[]} */ (structure.items).filter((i) => i.kind === 'clause' || i.kind === 'control').map((i) => i.id);
  const assessments = items.map((itemId, i) =>
    assessmentSchema.parse({
      id: uuid(1_000_000 + i),
      workspaceId: ws,
      itemId,
      status: ['not-started', 'in-progress', 'implemented'][i % 3],
      notes: `Reviewed in workshop ${1 + (i % 12)}; see the linked evidence.`,
      owner: 'Dana Okafor',
      targetDate: null,
      applicable: itemId.startsWith('A.') ? i % 5 !== 0 : null,
      justificationCategory: itemId.startsWith('A.') ? 'risk-treatment' : null,
      justification: itemId.startsWith('A.') ? 'Needed to treat the risks in the register.' : '',
      implementation: itemId.startsWith('A.') ? 'AI governance handbook, chapter 4.' : '',
      updatedAt: stamp(i),
    }),
  );
  const nEvidence = o.otherRecords - g.aiSystems.length - g.ownControls.length - g.impactAssessments.length - assessments.length;
  if (nEvidence < o.files) throw new Error(`only ${nEvidence} evidence records fit in ${o.otherRecords} other records, ${o.files} files needed`);
  /** [media type, extension, text]: the first four are stored in the zip, the others deflated. */
  const kinds = /** @type {const} */ ([
    ['application/pdf', 'pdf', false],
    ['image/png', 'png', false],
    ['image/jpeg', 'jpg', false],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', false],
    ['text/plain', 'txt', true],
    ['text/csv', 'csv', true],
    ['application/json', 'json', false],
    ['application/octet-stream', 'bin', false],
  ]);
  // Sizes pair up around the mean (mean ± d), so they total exactly files × mean.
  const mean = o.fileBytes / o.files;
  const sizes = Array.from({ length: o.files }, (_, i) => {
    const d = ((i >> 1) * 7919) % Math.floor(mean / 2);
    return i % 2 === 0 && i === o.files - 1 ? mean : Math.round(i % 2 === 0 ? mean + d : mean - d);
  });
  const alphabet = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,;\n');
  let state = (o.seed * 2654435761) >>> 0 || 1;
  /** xorshift32 bytes: fast enough for 100 MB. @param {number} size @param {boolean} text */
  const bytesOf = (size, text) => {
    const words = new Uint32Array(Math.ceil(size / 4));
    for (let k = 0; k < words.length; k++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[k] = state >>> 0;
    }
    const bytes = new Uint8Array(words.buffer, 0, size);
    if (text) for (let k = 0; k < size; k++) bytes[k] = /** @type {number} */ (alphabet[(bytes[k] ?? 0) % alphabet.length]);
    return bytes;
  };
  /** @type {import('../../src/domain/evidence-schema').Evidence[]} */
  const evidence = [];
  /** @type {{ id: string, workspaceId: string, blob: Blob }[]} */
  const files = [];
  let fileBytes = 0;
  for (let i = 0; i < nEvidence; i++) {
    const id = uuid(2_000_000 + i);
    const itemId = /** @type {string} */ (items[i % items.length]);
    if (i < o.files) {
      const [mediaType, ext, text] = /** @type {(typeof kinds)[number]} */ (kinds[i % kinds.length]);
      const size = /** @type {number} */ (sizes[i]);
      evidence.push(
        evidenceSchema.parse({
          id,
          workspaceId: ws,
          itemId,
          title: `Evidence file ${i + 1}`,
          kind: 'file',
          fileName: `evidence-${String(i + 1).padStart(3, '0')}.${ext}`,
          mediaType,
          size,
          addedAt: stamp(i),
        }),
      );
      files.push({ id, workspaceId: ws, blob: new Blob([bytesOf(size, text)], { type: mediaType }) });
      fileBytes += size;
    } else {
      evidence.push(
        evidenceSchema.parse({
          id,
          workspaceId: ws,
          itemId,
          title: `Policy page ${i + 1}`,
          kind: 'link',
          url: `https://intranet.example.com/policies/${i + 1}`,
          addedAt: stamp(i),
        }),
      );
    }
  }
  const t1 = performance.now();
  const db = new AimsDatabase();
  try {
    await db.open();
    await db.transaction(
      'rw',
      [db.workspaces, db.aiSystems, db.ownControls, db.risks, db.impactAssessments, db.assessments, db.evidence, db.evidenceFiles],
      async () => {
        await db.workspaces.put(g.workspace);
        await db.aiSystems.bulkPut(g.aiSystems);
        await db.ownControls.bulkPut(g.ownControls);
        await db.risks.bulkPut(g.risks);
        await db.impactAssessments.bulkPut(g.impactAssessments);
        await db.assessments.bulkPut(assessments);
        await db.evidence.bulkPut(evidence);
        await db.evidenceFiles.bulkPut(files);
      },
    );
  } finally {
    db.close();
  }
  return {
    workspaceId: ws,
    workspaceName: g.workspace.name,
    generateMs: t1 - t0,
    writeMs: performance.now() - t1,
    fileBytes,
    storedFiles: files.filter((_, i) => i % kinds.length < 4).length,
    expected: {
      aiSystems: g.aiSystems.length,
      ownControls: g.ownControls.length,
      risks: g.risks.length,
      impactAssessments: g.impactAssessments.length,
      assessments: assessments.length,
      evidence: evidence.length,
      evidenceFiles: files.length,
    },
  };
}

/**
 * Risks of a workspace whose title or owner contains `text`: what a spreadsheet import wrote.
 * @param {string} workspaceId
 * @param {string} text
 */
async function risksMatching(workspaceId, text) {
  const db = new AimsDatabase();
  try {
    await db.open();
    return await db.risks
      .where('workspaceId')
      .equals(workspaceId)
      .filter((r) => r.title.includes(text) || r.owner.includes(text))
      .count();
  } finally {
    db.close();
  }
}

/**
 * Edits one risk of the workspace (its title) through the app's database, as a save does: the
 * dashboard's next visit has a change to take in.
 * @param {string} workspaceId
 */
async function editRisk(workspaceId) {
  const db = new AimsDatabase();
  try {
    await db.open();
    const risk = await db.risks.where('workspaceId').equals(workspaceId).first();
    if (!risk) throw new Error(`no risk in workspace ${workspaceId}`);
    const title = risk.title.endsWith(' (edited)') ? risk.title.slice(0, -' (edited)'.length) : `${risk.title} (edited)`;
    await db.risks.put({ ...risk, title, updatedAt: new Date().toISOString() });
  } finally {
    db.close();
  }
}

/** mulberry32 @param {number} seed */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

Object.assign(window, { __seed: seed, __count: count, __seedBundle: seedBundleWorkload, __risksMatching: risksMatching, __editRisk: editRisk });
