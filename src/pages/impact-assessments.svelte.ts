import { listAiSystems } from '../db/ai-systems-repo';
import { listImpactAssessments } from '../db/impact-assessments-repo';
import type { AiSystem } from '../domain/ai-system-schema';
import { isBefore, localToday } from '../domain/dates';
import type { ImpactAssessment } from '../domain/impact-assessment-schema';
import { t } from '../i18n/i18n';
import { app } from '../state/app.svelte';
import { live } from '../state/live.svelte';
import { newImpactAssessment } from '../state/register-commands';
import { router } from '../state/router.svelte';

/** One assessment series: all versions of one assessment of one AI system. */
export interface SeriesRow {
  seriesId: string;
  latest: ImpactAssessment;
  /** The newest approved version: the one in force, whose decision and review date count. */
  inForce: ImpactAssessment | undefined;
  reviewOverdue: boolean;
}

export interface SystemGroup {
  systemId: string;
  /** null when the AI system is missing (it cannot be deleted while assessed, but imports may lack it). */
  name: string | null;
  series: SeriesRow[];
}

const newest = (list: ImpactAssessment[]) => list.reduce((a, b) => (b.version > a.version ? b : a));

/** Groups every version into series, and series by AI system (systems by name, series oldest first). */
export function groupSeries(assessments: readonly ImpactAssessment[], systems: readonly AiSystem[], today: string): SystemGroup[] {
  const bySeries = new Map<string, ImpactAssessment[]>();
  for (const a of assessments) bySeries.set(a.seriesId, [...(bySeries.get(a.seriesId) ?? []), a]);
  const names = new Map(systems.map((s) => [s.id, s.name]));
  const groups = new Map<string, SystemGroup>();
  const started = (row: SeriesRow) => bySeries.get(row.seriesId)!.reduce((a, b) => (b.version < a.version ? b : a)).createdAt;
  for (const [seriesId, versions] of bySeries) {
    const latest = newest(versions);
    const approved = versions.filter((v) => v.state === 'approved');
    const inForce = approved.length ? newest(approved) : undefined;
    const row: SeriesRow = { seriesId, latest, inForce, reviewOverdue: !!inForce?.nextReview && isBefore(inForce.nextReview, today) };
    const group = groups.get(latest.aiSystemId) ?? { systemId: latest.aiSystemId, name: names.get(latest.aiSystemId) ?? null, series: [] };
    group.series.push(row);
    groups.set(latest.aiSystemId, group);
  }
  for (const g of groups.values()) g.series.sort((a, b) => started(a).localeCompare(started(b)));
  return [...groups.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.systemId.localeCompare(b.systemId));
}

/** The list page's data and its one command. Create during component initialisation. */
export function impactAssessmentsState(ws: () => string) {
  // Derived, so a save that changes the workspace object (not its id) does not re-subscribe.
  const wsId = $derived(ws());
  const assessments = live(() => wsId, listImpactAssessments, [] as ImpactAssessment[]);
  const systems = live(() => wsId, listAiSystems, [] as AiSystem[]);
  const sortedSystems = $derived([...systems.current].sort((a, b) => a.name.localeCompare(b.name)));
  const groups = $derived(groupSeries(assessments.current, systems.current, localToday()));

  return {
    get loaded() {
      return assessments.loaded && systems.loaded;
    },
    get systems() {
      return sortedSystems;
    },
    get groups() {
      return groups;
    },
    /** The version "start" opens for a system that already has an assessment: its draft, else its newest version. */
    existingFor(systemId: string): ImpactAssessment | undefined {
      const latest = groups.find((g) => g.systemId === systemId)?.series.map((s) => s.latest) ?? [];
      return (
        latest.find((a) => a.state === 'draft') ?? latest.reduce<ImpactAssessment | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined)
      );
    },
    /** Starts version 1, or opens the system's assessment when it has one (never a second series). */
    async start(systemId: string): Promise<void> {
      const r = await newImpactAssessment(ws(), systemId);
      if (!r) return;
      const system = systems.current.find((s) => s.id === systemId)?.name ?? '';
      const { assessment, started } = r;
      if (!started) app.announce(t('ia.opened', { system, version: assessment.version }));
      else app.announce(t((assessment.copiedFromSystem?.length ?? 0) > 0 ? 'ia.createdCopied' : 'ia.created', { system }));
      router.go({ name: 'assessment', ws: ws(), id: assessment.id });
    },
  };
}
