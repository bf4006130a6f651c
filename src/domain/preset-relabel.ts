import type { RiskMatrix } from './risk-matrix';
import { presetNames, type PresetName, type PresetWording } from './risk-matrix-presets';

/** Each preset's wording per UI language (`en`, `zh-CN` …). */
export type PresetWordings = Readonly<Record<string, Readonly<Record<PresetName, PresetWording>>>>;

/** A matrix whose texts are still a preset's wording in another language, and the same matrix in the wanted one. */
export interface PresetRelabel {
  preset: PresetName;
  /** The language the preset's wording is in now. */
  from: string;
  /** How many texts (the matrix's name and description, levels' names and descriptions) change. */
  count: number;
  /** The level names that change, as they are now, each once: risk levels first. */
  names: string[];
  matrix: RiskMatrix;
}

/**
 * A preset's levels keep the words of the language active when it was applied ("Low", "High" in a
 * Chinese print). This finds the texts of `matrix` that are, word for word and in the same place, a
 * preset's wording in another language, and gives the matrix with those texts in `target`'s wording.
 * A text the user changed is never one of them and stays as it is; so do abbreviations, colours,
 * cells and the threshold. Null when nothing is left in another language's preset wording (no level
 * name at least), and for a matrix from CISO Assistant, whose own translations are its texts.
 */
export function presetRelabel(matrix: RiskMatrix, wordings: PresetWordings, target: string): PresetRelabel | null {
  const wanted = wordings[target];
  if (!wanted || (matrix as { ciso?: unknown }).ciso) return null;
  let best: PresetRelabel | null = null;
  for (const preset of presetNames) {
    for (const [from, table] of Object.entries(wordings)) {
      if (from === target) continue;
      const found = relabel(matrix, table[preset], wanted[preset]);
      if (found && (!best || found.count > best.count)) best = { preset, from, ...found };
    }
  }
  return best;
}

function relabel(matrix: RiskMatrix, source: PresetWording, target: PresetWording): Omit<PresetRelabel, 'preset' | 'from'> | null {
  // A copy made by spreading (not structuredClone): the matrix may be a Svelte state proxy.
  const next: RiskMatrix = {
    ...matrix,
    probability: matrix.probability.map((l) => ({ ...l })),
    impact: matrix.impact.map((l) => ({ ...l })),
    risk: matrix.risk.map((l) => ({ ...l })),
    grid: matrix.grid.map((row) => [...row]),
  };
  let count = 0;
  const names = new Set<string>();
  const swap = (now: string, was: string | undefined, to: string | undefined, set: (v: string) => void): boolean => {
    if (was === undefined || to === undefined || now !== was || was === to || !was) return false;
    set(to);
    count += 1;
    return true;
  };
  swap(matrix.name, source.name, target.name, (v) => (next.name = v));
  swap(matrix.description, source.description, target.description, (v) => (next.description = v));
  // Risk levels first: their names are the ones a register shows (in badges, the heat maps' cells).
  for (const scale of ['risk', 'probability', 'impact'] as const) {
    matrix[scale].forEach((level, i) => {
      const was = source[scale][i];
      const to = target[scale][i];
      const into = next[scale][i]!;
      if (swap(level.name, was?.name, to?.name, (v) => (into.name = v))) names.add(level.name);
      swap(level.description, was?.description, to?.description, (v) => (into.description = v));
    });
  }
  return names.size > 0 ? { count, names: [...names], matrix: next } : null;
}
