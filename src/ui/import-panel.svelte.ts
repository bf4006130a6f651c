import type { Catalog } from '../domain/catalog-model';
import type { IoProblem } from '../io/problems';
import { workspaceNameSchema } from '../domain/workspace-schema';
import { t, type MessageKey } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { askDashboardEarly } from '../state/dashboard-view.svelte';
import { warmDashboardWorker } from '../state/dashboard-worker-start';
import type { Side } from '../domain/merge-fields';
import {
  confirmImport,
  previewContexts,
  previewImport,
  proposeName,
  holdBundleWorker,
  renamePlan,
  startParse,
  warmBundleWorker,
  type CheckedBundle,
  type ImportMode,
  type ImportPlan,
  type Running,
} from '../state/bundles';
import { conflictView, listViews } from './merge-view';
import { describeProblem } from '../state/io-messages';
import { router } from '../state/router.svelte';

export type ModeKind = ImportMode['kind'];

/** The import flow: check the file (in a worker), preview the plan, resolve conflicts, write once. */
export function importFlow(catalog: () => Catalog) {
  let phase = $state<'idle' | 'checking' | 'problems' | 'preview' | 'writing'>('idle');
  // Kept as problems and worded where shown, so a language switch rewords them.
  let problems = $state.raw<IoProblem[]>([]);
  let needsPassphrase = $state(false);
  let plan = $state.raw<ImportPlan | null>(null);
  let parsed = $state.raw<Extract<CheckedBundle, { ok: true }> | null>(null);
  let progress = $state(0);
  let running: Running<CheckedBundle> | null = null;
  // Per conflict, the side of each differing field (the record's own default until the user picks).
  let choices = $state<Record<string, Record<string, Side>>>({});
  let refused = $state.raw<(() => string)[]>([]);
  const contexts = $derived(plan ? previewContexts(plan, catalog()) : null);
  // The naming contexts index every record (tens of milliseconds for 12,000): made only for conflicts, or when a list opens.
  const conflicts = $derived(plan && plan.conflicts.length > 0 && contexts ? plan.conflicts.map((c) => conflictView(c, contexts)) : []);
  const lists = $derived(plan ? listViews(plan, () => contexts!) : []);
  // A new workspace's name: proposed (told apart from one of the same name), editable.
  let name = $state('');
  let nameTaken = $state<string | null>(null);
  // The refused name's message key: worded where read, so it follows a language switch.
  let nameError = $state<MessageKey | null>(null);
  // While the form is open, a bundle worker can wait ready for the check (started when a file is chosen).
  $effect(() => holdBundleWorker());

  return {
    get phase() {
      return phase;
    },
    get problems() {
      return problems.map(describeProblem);
    },
    get needsPassphrase() {
      return needsPassphrase;
    },
    get plan() {
      return plan;
    },
    get progress() {
      return progress;
    },
    /** Per conflict key, the side chosen for each field. */
    get choices() {
      return choices;
    },
    /** The conflicts and the record lists, worded. */
    get conflicts() {
      return conflicts;
    },
    get lists() {
      return lists;
    },
    /** Why the last confirm wrote nothing (a mix that is no valid record, a record changed since the preview). */
    get refused() {
      return refused.map((word) => word());
    },
    pick(key: string, field: string, side: Side) {
      choices[key] = { ...choices[key], [field]: side };
      refused = [];
    },
    all(key: string, side: Side) {
      const c = plan?.conflicts.find((x) => x.key === key);
      if (c) choices[key] = Object.fromEntries(c.fields.map((f) => [f.field, side]));
      refused = [];
    },
    get name() {
      return name;
    },
    set name(value: string) {
      name = value;
      nameError = null;
    },
    /** The bundle's own name, when a workspace of this browser already has it. */
    get nameTaken() {
      return nameTaken;
    },
    get nameError() {
      return nameError && t(nameError);
    },
    warnings() {
      return parsed?.bundle.warnings.map(describeProblem) ?? [];
    },
    reset() {
      running?.cancel();
      phase = 'idle';
      problems = [];
      plan = null;
      parsed = null;
    },
    /** Another file chosen (or none): the last check is dropped, and a worker starts loading for the next. */
    fileChanged(file: File | undefined) {
      this.reset();
      if (file) warmBundleWorker();
    },
    async check(file: File, passphrase: string, mode: ImportMode) {
      phase = 'checking';
      progress = 0;
      plan = null;
      running = startParse(file, catalog(), passphrase || undefined, (f) => (progress = f));
      let result: CheckedBundle;
      try {
        result = await running.done;
      } catch (e) {
        phase = 'idle';
        if (!(e instanceof DOMException && e.name === 'AbortError')) app.report(e);
        return;
      }
      if (!result.ok) {
        needsPassphrase = Boolean(result.needsPassphrase);
        problems = result.problems;
        phase = 'problems';
        return;
      }
      needsPassphrase = false;
      parsed = result;
      await this.replan(mode);
    },
    async replan(mode: ImportMode) {
      if (!parsed) return;
      plan = await previewImport(parsed, mode);
      refused = [];
      choices = Object.fromEntries((plan?.conflicts ?? []).map((c) => [c.key, Object.fromEntries(c.fields.map((f) => [f.field, f.preferred]))]));
      if (plan?.mode.kind === 'new') {
        name = await proposeName(plan);
        nameTaken = name === plan.workspaceName ? null : plan.workspaceName;
        nameError = null;
      }
      phase = plan ? 'preview' : 'idle';
    },
    async confirm() {
      if (!plan) return;
      let chosen = plan;
      if (plan.mode.kind === 'new') {
        const checked = workspaceNameSchema.safeParse(name);
        if (!checked.success) return void (nameError = `validation.${checked.error.issues[0]?.message ?? 'name-required'}` as MessageKey);
        chosen = renamePlan(plan, checked.data);
      }
      phase = 'writing';
      // The dashboard shows next: its worker loads while the import writes, and with it what works the
      // figures out, unless the import keeps the figures the check worked out from the records it writes.
      warmDashboardWorker(!(chosen.asRead && parsed?.figures));
      const result = await confirmImport(chosen, new Map(Object.entries($state.snapshot(choices))), catalog(), parsed?.figures);
      if (!result || 'refused' in result) {
        // A preview out of date is made again from the records as they are now, under the refusal.
        if (result?.replan) await this.replan(plan.mode);
        refused = result?.refused ?? [];
        phase = plan ? 'preview' : 'idle';
        return;
      }
      const ws = result.ws;
      // The dashboard's figures are read while the page moves there.
      askDashboardEarly({ workspaceId: ws.id, catalog: catalog(), matrix: ws.riskMatrix });
      app.announce(t('import.done', { name: ws.name }));
      phase = 'idle';
      router.go({ name: 'dashboard', ws: ws.id });
    },
  };
}
