import type { Catalog } from '../domain/catalog-model';
import type { ParseResult } from '../io/bundle-import';
import { t } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { confirmImport, previewImport, startParse, type ImportMode, type ImportPlan, type Running } from '../state/bundles';
import { describeProblem } from '../state/io-messages';
import { router } from '../state/router.svelte';

export type ModeKind = ImportMode['kind'];

/** The import flow: check the file (in a worker), preview the plan, resolve conflicts, write once. */
export function importFlow(catalog: () => Catalog) {
  let phase = $state<'idle' | 'checking' | 'problems' | 'preview' | 'writing'>('idle');
  let problems = $state<string[]>([]);
  let needsPassphrase = $state(false);
  let plan = $state.raw<ImportPlan | null>(null);
  let parsed = $state.raw<Extract<ParseResult, { ok: true }> | null>(null);
  let progress = $state(0);
  let running: Running<ParseResult> | null = null;
  const choices = $state<Record<string, 'mine' | 'theirs'>>({});

  return {
    get phase() {
      return phase;
    },
    get problems() {
      return problems;
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
    get choices() {
      return choices;
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
    async check(file: File, passphrase: string, mode: ImportMode) {
      phase = 'checking';
      progress = 0;
      plan = null;
      running = startParse(file, catalog(), passphrase || undefined, (f) => (progress = f));
      let result: ParseResult;
      try {
        result = await running.done;
      } catch (e) {
        phase = 'idle';
        if (!(e instanceof DOMException && e.name === 'AbortError')) app.report(e);
        return;
      }
      if (!result.ok) {
        needsPassphrase = Boolean(result.needsPassphrase);
        problems = result.problems.map(describeProblem);
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
      for (const c of plan?.conflicts ?? []) choices[c.key] = c.defaultChoice;
      phase = plan ? 'preview' : 'idle';
    },
    async confirm() {
      if (!plan) return;
      phase = 'writing';
      const ws = await confirmImport(plan, new Map(Object.entries(choices)));
      if (!ws) {
        phase = 'preview';
        return;
      }
      app.announce(t('import.done', { name: ws.name }));
      phase = 'idle';
      router.go({ name: 'dashboard', ws: ws.id });
    },
  };
}
