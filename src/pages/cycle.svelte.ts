import { listCycleRecords } from '../db/cycle-repo';
import type { CycleRecord } from '../domain/cycle/registry';
import { live } from '../state/live.svelte';

/** Every management-system record of a workspace, live; pages pick their kind. */
export function liveCycleRecords(ws: () => string) {
  return live(ws, (w) => listCycleRecords(w), [] as CycleRecord[]);
}
