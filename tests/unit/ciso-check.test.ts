import { describe, expect, it } from 'vitest';
import { checkMatrix, guessAcceptanceThreshold } from '../../src/domain/ciso-matrix';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { describeIssue } from '../../src/pages/risk-criteria.svelte';

/** The threshold guessed for a CISO Assistant matrix, and the editor's draft checked in the import's words. */
describe('guessAcceptanceThreshold', () => {
  const levels = (...descriptions: string[]) => descriptions.map((description, i) => ({ name: `L${i + 1}`, description }));

  it('takes the highest level whose words say it may be accepted or retained', () => {
    expect(guessAcceptanceThreshold(levels('Acceptable as is.', 'May be retained by the owner.', 'Treat soon.', 'Stop.'))).toEqual({ index: 1, guessed: true });
    expect(
      guessAcceptanceThreshold([
        { name: 'Accepted', description: '' },
        { name: 'Watch', description: '' },
      ]),
    ).toEqual({ index: 0, guessed: true });
  });

  it('does not read a refusal as acceptance', () => {
    expect(guessAcceptanceThreshold(levels('Fine.', 'Not acceptable.', 'Unacceptable.', 'Cannot be accepted.', 'Must never be retained.'))).toEqual({
      index: 0,
      guessed: false,
    });
    expect(guessAcceptanceThreshold(levels('Acceptable.', 'Needs formal acceptance by the board.'))).toEqual({ index: 0, guessed: true });
  });
});

describe('checkMatrix (the editor draft)', () => {
  it('gives the matrix to save, trimmed as stored', () => {
    const m = presetMatrix('3x3');
    const r = checkMatrix({ ...m, name: '  Ours  ', probability: m.probability.map((l, i) => (i === 0 ? { ...l, name: ' Rare ' } : l)) });
    expect(r.issues).toEqual([]);
    expect(r.matrix?.name).toBe('Ours');
    expect(r.matrix?.probability[0]?.name).toBe('Rare');
  });

  it('keeps a half-typed matrix from being saved and says why in on-screen words', () => {
    const m = presetMatrix('3x3');
    const r = checkMatrix({ ...m, name: '', probability: m.probability.map((l, i) => (i === 1 ? { ...l, name: ' ' } : l)) });
    expect(r.matrix).toBeNull();
    expect(r.issues.map((i) => describeIssue(i, 'editor'))).toEqual(['Matrix name is missing or empty.', 'Likelihood level 2: name is missing or empty.']);
  });

  it('refuses a threshold beyond the risk levels', () => {
    const r = checkMatrix({ ...presetMatrix('3x3'), acceptanceThreshold: 3 });
    expect(r.matrix).toBeNull();
    expect(describeIssue(r.issues[0]!, 'editor')).toBe('The acceptance threshold names risk level 4, but there are only 3.');
  });
});
