import { cycleKinds, kindPluralLabel, type CycleKind } from '../domain/cycle/registry';
import { historyTables, type HistoryEntry, type HistoryTable } from '../domain/history';
import { dayEnd, dayStart, entryKind, filterHistory } from '../domain/history-filter';
import { t } from '../i18n/i18n';
import type { Route } from '../state/routes';
import { TABLE_LABEL } from '../ui/history-text';

const PAGE = 50;
const KIND = 'kind:';

/** The register filter's choices: each register, and each kind of management-system record. */
export function registerOptions(): { plain: { value: string; label: string }[]; kinds: { value: string; label: string }[] } {
  return {
    plain: historyTables.filter((x) => x !== 'cycleRecords').map((x) => ({ value: x, label: t(TABLE_LABEL[x]) })),
    kinds: cycleKinds.map((k) => ({ value: `${KIND}${k}`, label: t(kindPluralLabel(k)) })),
  };
}

/** The History page's filters and paging over a workspace's entries (newest first). */
export class HistoryView {
  readonly #entries: () => readonly HistoryEntry[];
  /** '' every register, a table, or `kind:<kind>` one kind of management-system record. */
  register = $state('');
  /** '*' everybody, else one name ('' the changes made with no name set). */
  user = $state('*');
  /** Local calendar days, YYYY-MM-DD, both included. */
  from = $state('');
  to = $state('');
  page = $state(0);

  constructor(entries: () => readonly HistoryEntry[]) {
    this.#entries = entries;
  }

  readonly users = $derived.by(() => [...new Set(this.#entries().map((e) => e.user))].sort((a, b) => a.localeCompare(b)));
  readonly badRange = $derived(this.from !== '' && this.to !== '' && this.to < this.from);
  readonly filtered = $derived(this.register !== '' || this.user !== '*' || this.from !== '' || this.to !== '');
  readonly matching = $derived.by(() => {
    const kind = this.register.startsWith(KIND) ? (this.register.slice(KIND.length) as CycleKind) : null;
    const table = kind ? 'cycleRecords' : ((this.register || null) as HistoryTable | null);
    return filterHistory(this.#entries(), {
      table,
      kind,
      user: this.user === '*' ? null : this.user,
      fromAt: dayStart(this.from) || null,
      toAt: dayEnd(this.to) || null,
    });
  });
  readonly pages = $derived(Math.max(1, Math.ceil(this.matching.length / PAGE)));
  readonly current = $derived(Math.min(this.page, this.pages - 1));
  readonly shown = $derived(this.matching.slice(this.current * PAGE, this.current * PAGE + PAGE));

  clear(): void {
    this.register = '';
    this.user = '*';
    this.from = '';
    this.to = '';
    this.page = 0;
  }
}

/** Where an entry's record can be opened; null when it is gone or has no page of its own. */
export function routeOf(e: HistoryEntry, ws: string): Route | null {
  if (e.action === 'delete') return null;
  switch (e.table) {
    case 'workspaces':
      return { name: 'profile', ws };
    case 'assessments':
      return { name: 'item', ws, itemId: e.label };
    case 'aiSystems':
      return { name: 'system', ws, id: e.recordId };
    case 'risks':
      return { name: 'risk', ws, id: e.recordId };
    case 'ownControls':
      return { name: 'control', ws, id: e.recordId };
    case 'impactAssessments':
      return { name: 'assessment', ws, id: e.recordId };
    case 'cycleRecords': {
      const kind = entryKind(e);
      return kind ? { name: 'record', ws, kind, id: e.recordId } : null;
    }
    default:
      return null;
  }
}
