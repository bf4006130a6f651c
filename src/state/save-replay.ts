import { getAiSystem } from '../db/ai-systems-repo';
import { getCycleRecord } from '../db/cycle-repo';
import { getImpactAssessment } from '../db/impact-assessments-repo';
import { getOwnControl } from '../db/own-controls-repo';
import { getRisk } from '../db/risks-repo';
import { listAssessments } from '../db/assessments-repo';
import { getWorkspace } from '../db/workspaces-repo';
import { sameValue } from '../domain/history';
import type { AssessmentPatch } from '../domain/assessment-schema';
import type { CyclePatch } from '../domain/cycle/records';
import type { RiskMatrix } from '../domain/risk-matrix';
import type { Profile, SoaMeta } from '../domain/workspace-schema';
import { flushSaves } from './autosave';
import { saveCycleField } from './cycle-commands';
import { nextSession, type EditMeta } from './edit-sessions';
import { saveAiSystemField, saveAssessmentField, saveOwnControlField, saveRiskField } from './register-commands';
import type { UnsavedEntry } from './save-journal';
import { saveAnswer } from './workspace.svelte';
import { saveMatrix, saveProfileField, saveSoaMetaField } from './workspace-commands';

type Patch = Record<string, unknown>;

type Row = Record<string, unknown> & { updatedAt: string };

interface Op {
  /** The record as stored, or undefined when it is gone (then there is nothing to write into). */
  load(target: string[]): Promise<Row | undefined>;
  /**
   * Whether the save itself refuses to write over a value changed since the edit began (an editor's
   * field with its expected value). Other saves are replayed only when the record has not changed
   * since the tab went away.
   */
  checked: boolean;
  save(target: string[], patch: Patch, edit: EditMeta | undefined): void;
}

/** The record ids an entry names (validated as strings when read back). */
const id = (target: string[], i = 0) => target[i] ?? '';

async function answer(t: string[]): Promise<Row | undefined> {
  const ws = await getWorkspace(id(t));
  if (!ws) return undefined;
  // An item not answered yet has no record: the save creates it.
  return (await listAssessments(ws.id)).find((a) => a.itemId === id(t, 1)) ?? { updatedAt: ws.updatedAt };
}

/** Every command whose autosaves the journal keeps (the `op` of an entry). */
const ops: Record<string, Op> = {
  answer: { checked: true, load: answer, save: (t, p, e) => saveAnswer(id(t), id(t, 1), p as AssessmentPatch, e) },
  aiSystem: { checked: true, load: (t) => getAiSystem(id(t)), save: (t, p, e) => saveAiSystemField(id(t), p, e) },
  risk: { checked: true, load: (t) => getRisk(id(t)), save: (t, p, e) => saveRiskField(id(t), p, e) },
  ownControl: { checked: true, load: (t) => getOwnControl(id(t)), save: (t, p, e) => saveOwnControlField(id(t), p, e) },
  cycle: { checked: true, load: (t) => getCycleRecord(id(t)), save: (t, p, e) => saveCycleField(id(t), p as CyclePatch, undefined, e) },
  // Its save does not compare expected values.
  impactAssessment: { checked: false, load: (t) => getImpactAssessment(id(t)), save: (t, p, e) => saveAssessmentField(id(t), p, e) },
  profile: { checked: false, load: (t) => getWorkspace(id(t)), save: (t, p) => each(p, (k, v) => saveProfileField(id(t), k as keyof Profile, v)) },
  soaMeta: { checked: false, load: (t) => getWorkspace(id(t)), save: (t, p) => each(p, (k, v) => saveSoaMetaField(id(t), k as keyof SoaMeta, v)) },
  riskMatrix: { checked: false, load: (t) => getWorkspace(id(t)), save: (t, p) => void saveMatrix(id(t), p.matrix as RiskMatrix) },
};

function each(patch: Patch, save: (key: string, value: unknown) => void): void {
  for (const [k, v] of Object.entries(patch)) save(k, v);
}

/**
 * Makes the saves a closed tab left unwritten, through the same commands as typing, and resolves
 * once they are written. A value never replaces a newer one: an editor's field expects the value its
 * edit started from, or the one a write was storing as the tab went away (a change made elsewhere
 * since is put to the user, as while typing); any other save is dropped when its record changed
 * after the tab went away. Returns how many were made.
 */
export async function replayUnsaved(entries: readonly UnsavedEntry[]): Promise<number> {
  let made = 0;
  for (const entry of entries) {
    const op = ops[entry.op];
    const row = op && (await op.load(entry.target));
    if (!op || !row) continue;
    const checked = op.checked ? entry.edit : undefined;
    if (!checked && row.updatedAt > entry.at) continue;
    let edit: EditMeta | undefined;
    if (checked) {
      const field = Object.keys(entry.patch)[0] ?? '';
      const landed = checked.writing && sameValue(row[field] ?? null, checked.writing.value ?? null);
      edit = { base: landed ? checked.writing!.value : checked.base, label: checked.label, session: nextSession() };
    }
    op.save(entry.target, entry.patch, edit);
    made += 1;
  }
  await flushSaves();
  return made;
}
