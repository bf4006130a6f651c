import { recordName } from '../domain/record-names';
import type { RefTarget } from '../domain/register-values';
import type { RiskMatrix } from '../domain/risk-matrix';
import { t } from './i18n';
import type { ValueContext } from './value-text';

/** Just the parts of each register that name a record; any of them may be absent (a selective export). */
export interface NamedRecords {
  matrix?: RiskMatrix;
  items?: ReadonlyMap<string, { title: string }>;
  risks?: readonly { id: string; ref: string; title: string }[];
  aiSystems?: readonly { id: string; name: string }[];
  ownControls?: readonly { id: string; name: string }[];
  cycleRecords?: readonly { id: string; ref: string; title: string }[];
  impactAssessments?: readonly { id: string; aiSystemId: string; version: number }[];
  /** How a reference into a register that was not given reads (a bundle that left it out); else it reads as deleted. */
  absent?: (target: RefTarget) => string | undefined;
}

/**
 * A ValueContext over records at hand: every reference reads as the record is known to a person,
 * "R-002 Title", a system's name, "DOC-001 Title", "4.1 Title", an impact assessment by its system and
 * version. Pure: views with live queries (state) and the bundle report (io) build theirs with it.
 */
export function recordNames(records: NamedRecords): ValueContext {
  // The names follow the one rule of domain/record-names.
  const byId = (target: RefTarget, list: readonly { id: string }[] | undefined) =>
    new Map((list ?? []).map((r) => [r.id, recordName(target, r as unknown as Record<string, unknown>)]));
  const systems = byId('aiSystems', records.aiSystems);
  const names: Record<Exclude<RefTarget, 'items' | 'impactAssessments'>, ReadonlyMap<string, string>> = {
    risks: byId('risks', records.risks),
    cycleRecords: byId('cycleRecords', records.cycleRecords),
    aiSystems: systems,
    ownControls: byId('ownControls', records.ownControls),
  };
  const assessments = new Map((records.impactAssessments ?? []).map((a) => [a.id, a]));
  const given: Record<RefTarget, boolean> = {
    risks: records.risks !== undefined,
    cycleRecords: records.cycleRecords !== undefined,
    aiSystems: records.aiSystems !== undefined,
    ownControls: records.ownControls !== undefined,
    impactAssessments: records.impactAssessments !== undefined,
    items: records.items !== undefined,
  };
  const known = (target: RefTarget, id: string): string | undefined => {
    if (target === 'items') {
      const item = records.items?.get(id);
      return item ? recordName('items', { id, title: item.title }) : undefined;
    }
    if (target === 'impactAssessments') {
      const a = assessments.get(id);
      return a
        ? t('ia.titleVersion', { system: systems.get(a.aiSystemId) ?? records.absent?.('aiSystems') ?? t('history.value.deleted'), version: a.version })
        : undefined;
    }
    return names[target].get(id);
  };
  return {
    ...(records.matrix ? { matrix: records.matrix } : {}),
    nameOf: (target, id) => known(target, id) ?? (given[target] ? undefined : records.absent?.(target)),
  };
}
