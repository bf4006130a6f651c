import type { Assessment, AssessmentPatch } from '../domain/assessment-schema';
import type { Evidence } from '../domain/evidence-schema';
import type { Workspace } from '../domain/workspace-schema';
import { listAssessments, saveAssessment } from '../db/assessments-repo';
import { listEvidence } from '../db/evidence-repo';
import { getWorkspace, setLastWorkspaceId } from '../db/workspaces-repo';
import { app } from './app.svelte';
import { onSavingChange, saveFailed } from './autosave';
import { checkedSave, type EditMeta } from './edit-sessions';
import { live } from './live.svelte';

export interface WorkspaceData {
  readonly id: string;
  readonly workspace: Workspace | undefined;
  readonly loaded: boolean;
  readonly answers: ReadonlyMap<string, Assessment>;
  readonly evidence: readonly Evidence[];
  readonly saving: boolean;
  /** A change failed to save (and was reported): never "Saved" until it is written. */
  readonly unsaved: boolean;
  /** Autosaves one field of one item; rapid edits coalesce into the newest value. */
  save(itemId: string, patch: AssessmentPatch, edit?: EditMeta): void;
}

/** Everything the workspace pages show, kept live. Create during component initialisation. */
export function workspaceData(id: () => string): WorkspaceData {
  const ws = live(id, getWorkspace, undefined);
  const assessments = live(id, listAssessments, [] as Assessment[]);
  const evidence = live(id, listEvidence, [] as Evidence[]);
  const answers = $derived(new Map(assessments.current.map((a) => [a.itemId, a])));
  let busy = $state(false);
  let unsaved = $state(saveFailed());
  $effect(() =>
    onSavingChange((b) => {
      busy = b;
      unsaved = saveFailed();
    }),
  );

  $effect(() => {
    const current = id();
    if (ws.current?.id === current) void setLastWorkspaceId(current).catch((e: unknown) => app.report(e));
  });

  return {
    get id() {
      return id();
    },
    get workspace() {
      return ws.current;
    },
    get loaded() {
      return ws.loaded && assessments.loaded;
    },
    get answers() {
      return answers;
    },
    get evidence() {
      return evidence.current;
    },
    get saving() {
      return busy;
    },
    get unsaved() {
      return unsaved;
    },
    save(itemId, patch, edit) {
      saveAnswer(id(), itemId, patch, edit);
    },
  };
}

/** Autosaves one field of one walkthrough answer (and replays one after a closed tab, see save-replay.ts). */
export function saveAnswer(wsId: string, itemId: string, patch: AssessmentPatch, edit?: EditMeta): void {
  const key = `${wsId}|${itemId}|${Object.keys(patch).sort().join(',')}`;
  checkedSave(
    key,
    patch as Record<string, unknown>,
    edit,
    (p, expected) => saveAssessment(wsId, itemId, p as AssessmentPatch, expected),
    (e) => app.report(e),
    undefined,
    { op: 'answer', target: [wsId, itemId] },
  );
}
