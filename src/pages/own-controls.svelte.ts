import { listOwnControls } from '../db/own-controls-repo';
import type { OwnControl } from '../domain/own-control-schema';
import { live } from '../state/live.svelte';

export function liveOwnControls(ws: () => string) {
  return live(ws, listOwnControls, [] as OwnControl[]);
}
