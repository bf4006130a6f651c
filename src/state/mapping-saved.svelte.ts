import { deleteMapping, saveMapping } from '../db/mappings-repo';
import { newId } from '../domain/ids';
import type { SheetMapping, TargetRegister } from '../io/mapping/mapping';
import { SAVED_MATCH_THRESHOLD, savedMatch, toSaved, type SavedMapping } from '../io/mapping/mapping-saved';
import { app } from './app.svelte';

/**
 * The mapping wizard's saved mappings: those read with the file (and how many could not be read),
 * the one laid on the current sheet, which fit a sheet's headers, and saving and deleting them.
 */
export class SavedMappingList {
  #all = $state.raw<SavedMapping[]>([]);
  #invalid = $state(0);
  #used = $state.raw<SavedMapping | null>(null);

  get invalid() {
    return this.#invalid;
  }
  /** The saved mapping laid on the current sheet, if one was (null once the mapping is started afresh). */
  get used() {
    return this.#used;
  }
  set used(saved: SavedMapping | null) {
    this.#used = saved;
  }

  loaded(all: SavedMapping[], invalid: number): void {
    this.#all = all;
    this.#invalid = invalid;
  }

  find(id: string): SavedMapping | undefined {
    return this.#all.find((m) => m.id === id);
  }

  /** The saved mappings that fit a sheet with these headers, the best fit first. */
  offers(register: TargetRegister, headers: readonly string[]): { mapping: SavedMapping; score: number }[] {
    return this.#all
      .map((m) => ({ mapping: m, score: savedMatch(m, register, headers) }))
      .filter((o) => o.score >= SAVED_MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score);
  }

  async delete(id: string): Promise<void> {
    try {
      await deleteMapping(id);
      this.#all = this.#all.filter((m) => m.id !== id);
      if (this.#used?.id === id) this.#used = null;
    } catch (e) {
      app.report(e);
    }
  }

  /** Saves the mapping under a name; the same name for the same register replaces the older one. Null when it could not be saved. */
  async save(m: SheetMapping, headers: readonly string[], name: string): Promise<SavedMapping | null> {
    const same = this.#all.find((s) => s.register === m.register && s.name.toLowerCase() === name.toLowerCase());
    try {
      const saved = await saveMapping(
        toSaved(m, headers, { id: same?.id ?? newId(), name, now: new Date().toISOString(), ...(same ? { createdAt: same.createdAt } : {}) }),
      );
      this.#all = [...this.#all.filter((s) => s.id !== saved.id), saved];
      this.#used = saved;
      return saved;
    } catch (e) {
      app.report(e);
      return null;
    }
  }
}
