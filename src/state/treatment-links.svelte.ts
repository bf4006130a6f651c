import { listOwnControls } from '../db/own-controls-repo';
import { listRisks } from '../db/risks-repo';
import { treatmentLinks, type TreatmentLink } from '../domain/soa-links';
import { live } from './live.svelte';

/** Control id → risks whose treatment relies on it, kept live. Create during component initialisation. */
export function liveTreatmentLinks(ws: () => string): { readonly current: ReadonlyMap<string, readonly TreatmentLink[]> } {
  const links = live(ws, async (id) => treatmentLinks(await listRisks(id), await listOwnControls(id)), new Map<string, TreatmentLink[]>());
  return {
    get current() {
      return links.current;
    },
  };
}
