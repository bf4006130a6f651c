import { listCycleRecords } from '../db/cycle-repo';
import { listEvidence } from '../db/evidence-repo';
import type { Evidence } from '../domain/evidence-schema';
import type { CycleRecord } from '../domain/cycle/registry';
import { live } from '../state/live.svelte';

/** Every management-system record of a workspace, live; pages pick their kind. */
export function liveCycleRecords(ws: () => string) {
  return live(ws, (w) => listCycleRecords(w), [] as CycleRecord[]);
}

/** The workspace's evidence, live; a record page shows what is attached to it. */
export function liveEvidence(ws: () => string) {
  return live(ws, listEvidence, [] as Evidence[]);
}
