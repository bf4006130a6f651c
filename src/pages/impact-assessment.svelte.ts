import { listAiSystems } from '../db/ai-systems-repo';
import { listImpactAssessments, type AssessmentCode, type RaiseCode } from '../db/impact-assessments-repo';
import { listRisks } from '../db/risks-repo';
import type { AiSystem } from '../domain/ai-system-schema';
import { newId } from '../domain/ids';
import { unreviewedCopies } from '../domain/impact-assessment-rules';
import { blankImpact, type CopiedScopeKey, type Impact, type ImpactAssessment, type ImpactAssessmentPatch } from '../domain/impact-assessment-schema';
import type { Risk } from '../domain/risk-schema';
import { problemsOf, type Failure } from '../domain/result';
import { t, type MessageKey } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { onSavingChange } from '../state/autosave';
import { live } from '../state/live.svelte';
import {
  approveAssessment,
  checkAssessmentApproval,
  newAssessmentVersion,
  removeDraftAssessment,
  reviewCopiedFields,
  riskFromImpact,
  saveAssessmentField,
} from '../state/register-commands';
import { router } from '../state/router.svelte';

/** Message for each code the repository can return; literal keys so unused ones are caught. */
export const IA_ERRORS: Record<AssessmentCode | RaiseCode, MessageKey> = {
  'approver-required': 'ia.error.approverRequired',
  'approval-date-required': 'ia.error.approvalDateRequired',
  'decision-required': 'ia.error.decisionRequired',
  'copied-unreviewed': 'ia.error.copiedUnreviewed',
  frozen: 'ia.error.frozen',
  'not-found': 'ia.error.notFound',
  'draft-exists': 'ia.draftExists',
  'already-linked': 'ia.error.alreadyLinked',
};

/** Resolves once no autosave is pending, so a command never acts on a record missing the last keystrokes. */
function savedSignal() {
  let busy = false;
  const waiting: (() => void)[] = [];
  $effect(() =>
    onSavingChange((b) => {
      busy = b;
      if (!b) for (const resolve of waiting.splice(0)) resolve();
    }),
  );
  return (): Promise<void> => (busy ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve());
}

/** A risk raised from an impact; `inVersion` when the link is held by the draft version of the series. */
export interface ImpactLink {
  riskId: string;
  ref: string;
  inVersion?: number;
}
/** "Raise as risk" is offered; `inVersion` when the risk will be linked in the draft version, not here. */
export interface ImpactRaise {
  inVersion?: number;
}

/** One version of an impact assessment with its series, and the commands of its page. */
export function impactAssessmentState(ws: () => string, id: () => string) {
  // A derived id changes only when the id does: the workspace object itself changes on every save,
  // and live() re-subscribing (and reporting "not loaded") each time would re-render the page.
  const wsId = $derived(ws());
  const all = live(() => wsId, listImpactAssessments, [] as ImpactAssessment[]);
  const systems = live(() => wsId, listAiSystems, [] as AiSystem[]);
  const risks = live(() => wsId, listRisks, [] as Risk[]);
  const whenSaved = savedSignal();
  const record = $derived(all.current.find((a) => a.id === id()));
  const versions = $derived(record ? all.current.filter((a) => a.seriesId === record.seriesId).sort((a, b) => a.version - b.version) : []);
  const system = $derived(record ? systems.current.find((s) => s.id === record.aiSystemId) : undefined);
  const riskRefs = $derived(new Map(risks.current.map((r) => [r.id, r.ref])));
  /** The series' draft. On an approved version, work that links to this assessment goes there. */
  const draft = $derived(versions.find((v) => v.state === 'draft'));
  const frozen = $derived(record?.state !== 'draft');

  // Once edited here, the impacts of a draft are kept in this view and saved whole from it, so
  // quick edits always build on each other, never on a copy the live query has not refreshed yet
  // (its results can lag behind several writes). Risk links still come from the store.
  let local = $state.raw<{ id: string; impacts: Impact[] } | null>(null);
  $effect(() => {
    if (local && local.id !== id()) local = null;
  });
  const impacts = $derived.by(() => {
    const stored = record?.impacts ?? [];
    if (!local || local.id !== record?.id || record.state !== 'draft') return stored;
    const links = new Map(stored.map((i) => [i.id, i.riskId]));
    return local.impacts.map((i) => ({ ...i, riskId: links.get(i.id) ?? null }));
  });

  // Messages belong to the version they were raised on: navigating to another version hides them.
  let error = $state<{ on: string; code: AssessmentCode; field?: string; problems: { code: AssessmentCode; field?: string }[] } | null>(null);
  let draftExists = $state<{ on: string; draft: ImpactAssessment | null } | null>(null);
  let confirming = $state<string | null>(null);
  // Message keys, worded where read: a language switch rewords them.
  let impactErrors = $state<{ on: string; byImpact: Record<string, MessageKey> }>({ on: '', byImpact: {} });
  const setImpactError = (on: string, impactId: string, message: MessageKey | null) => {
    const byImpact = impactErrors.on === on ? { ...impactErrors.byImpact } : {};
    if (message) byImpact[impactId] = message;
    else delete byImpact[impactId];
    impactErrors = { on, byImpact };
  };
  /** A field the user has just fixed leaves the list of problems (the rest stay until approval is asked again). */
  const fixed = (key: string) => {
    if (!error) return;
    const problems = error.problems.filter((p) => p.field !== key);
    const [first] = problems;
    error = first ? { ...error, code: first.code, ...(first.field ? { field: first.field } : {}), problems } : null;
  };
  /** A refusal, with every problem it found (approval reports all missing sign-off and unreviewed fields at once). */
  const failed = (on: string, r: Failure<AssessmentCode>) => {
    error = { on, code: r.code, ...(r.field ? { field: r.field } : {}), problems: problemsOf(r) };
  };

  /**
   * The risk raised from this impact when it exists: this version's own link, or on an approved
   * version the link its draft holds for the same impact (impacts keep their ids across versions).
   */
  function linkOf(impact: Impact): ImpactLink | null {
    const own = refOf(impact.riskId);
    if (own || !frozen || !draft) return own;
    const held = refOf(draft.impacts.find((i) => i.id === impact.id)?.riskId);
    return held ? { ...held, inVersion: draft.version } : null;
  }
  function refOf(riskId: string | null | undefined): ImpactLink | null {
    const ref = riskId ? riskRefs.get(riskId) : undefined;
    return riskId && ref ? { riskId, ref } : null;
  }

  function writeImpacts(next: Impact[]) {
    if (!record) return;
    local = { id: record.id, impacts: next };
    saveAssessmentField(record.id, { impacts: next });
  }

  return {
    get loaded() {
      return all.loaded && systems.loaded && risks.loaded;
    },
    get record() {
      return record;
    },
    get versions() {
      return versions;
    },
    get systemName() {
      return system?.name ?? t('ia.unknownSystem');
    },
    get impacts() {
      return impacts;
    },
    /** The last refused command on this version: a code, and the field at fault if any. */
    get error() {
      return error?.on === id() ? error : null;
    },
    /** Set when "start a new version" found a draft already there (draft null if not loaded). */
    get draftExists() {
      return draftExists?.on === id() ? draftExists : null;
    },
    impactError(impactId: string): string | null {
      const key = impactErrors.on === id() ? impactErrors.byImpact[impactId] : undefined;
      return key ? t(key) : null;
    },
    /** The series' draft, when this version is approved and a draft exists. */
    get draft() {
      return frozen ? draft : undefined;
    },
    /** Copied scope fields of this draft still waiting for review. */
    get copied(): CopiedScopeKey[] {
      return record && !frozen ? unreviewedCopies(record) : [];
    },
    linked: linkOf,
    /** Whether "raise as risk" is offered, and into which draft on an approved version (never while risks load). */
    raisable(impact: Impact): ImpactRaise | null {
      if (!risks.loaded || linkOf(impact)) return null;
      if (!frozen) return {};
      return draft?.impacts.some((i) => i.id === impact.id) ? { inVersion: draft.version } : null;
    },
    /** This version's own link only: the print view shows what the version records. */
    ownLink(impact: Impact): ImpactLink | null {
      return refOf(impact.riskId);
    },
    saveField(key: string, value: unknown) {
      if (!record) return;
      fixed(key);
      saveAssessmentField(record.id, { [key]: value } as ImpactAssessmentPatch);
    },
    updateImpact(impactId: string, key: string, value: unknown) {
      writeImpacts(impacts.map((i) => (i.id === impactId ? { ...i, [key]: value } : i)));
    },
    addImpact(): string {
      const added = blankImpact(newId());
      writeImpacts([...impacts, added]);
      return added.id;
    },
    removeImpact(impactId: string) {
      writeImpacts(impacts.filter((i) => i.id !== impactId));
    },
    /** Raises into this draft, or from an approved version into the series' draft (which says so). */
    async raise(impact: Impact, n: number): Promise<void> {
      if (!record) return;
      const shownOn = record.id;
      const target = frozen ? draft : record;
      if (!target) return;
      await whenSaved();
      const r = await riskFromImpact(target.id, impact.id);
      if (!r) return;
      setImpactError(shownOn, impact.id, r.ok ? null : IA_ERRORS[r.code]);
      if (!r.ok) return;
      app.announce(
        target.id === shownOn ? t('impact.raised', { ref: r.value.ref, n }) : t('impact.raisedInDraft', { ref: r.value.ref, n, version: target.version }),
      );
    },
    reviewCopied(key: CopiedScopeKey) {
      if (!record) return;
      fixed(key);
      void reviewCopiedFields(record.id, [key]);
    },
    /** True while the approval confirmation is open for this version. */
    get confirming() {
      return confirming === id();
    },
    cancelApproval() {
      confirming = null;
    },
    /**
     * First step of approval: checks the stored draft (after pending saves) and opens the
     * confirmation, or returns the field to focus when something is missing.
     */
    async requestApproval(): Promise<string | undefined> {
      if (!record) return undefined;
      const assessmentId = record.id;
      await whenSaved();
      const r = await checkAssessmentApproval(assessmentId);
      if (!r) return undefined;
      if (!r.ok) {
        failed(assessmentId, r);
        return r.field;
      }
      error = null;
      confirming = assessmentId;
      return undefined;
    },
    /** Approves after confirmation: approved, or the field to focus when approval was refused meanwhile. */
    async approve(): Promise<{ approved: boolean; field?: string }> {
      if (!record) return { approved: false };
      const { id: assessmentId, version } = record;
      await whenSaved();
      const r = await approveAssessment(assessmentId);
      if (!r) return { approved: false };
      if (!r.ok) {
        failed(assessmentId, r);
        return { approved: false, ...(r.field ? { field: r.field } : {}) };
      }
      error = null;
      app.announce(t('ia.approvedNotice', { version }));
      return { approved: true };
    },
    async newVersion(): Promise<void> {
      if (!record) return;
      const assessmentId = record.id;
      const r = await newAssessmentVersion(assessmentId);
      if (!r) return;
      if (r.ok) {
        app.announce(t('ia.newVersionStarted', { version: r.value.version }));
        router.go({ name: 'assessment', ws: ws(), id: r.value.id });
      } else if (r.code === 'draft-exists') {
        draftExists = { on: assessmentId, draft: versions.find((v) => v.state === 'draft') ?? null };
      } else {
        failed(assessmentId, r);
      }
    },
    async remove(): Promise<void> {
      if (!record) return;
      const { id: assessmentId, version } = record;
      await whenSaved();
      const r = await removeDraftAssessment(assessmentId);
      if (!r) return;
      if (!r.ok) return failed(assessmentId, r);
      app.announce(t('ia.deleted', { version }));
      // Back to the newest remaining version of the series, or to the list when none is left.
      const previous = versions.filter((v) => v.id !== assessmentId).at(-1);
      router.go(previous ? { name: 'assessment', ws: ws(), id: previous.id } : { name: 'assessments', ws: ws() });
    },
  };
}
