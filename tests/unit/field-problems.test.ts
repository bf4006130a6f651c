import { describe, expect, it } from 'vitest';
import { aiSystemSchema } from '../../src/domain/ai-system-schema';
import { patchProblems } from '../../src/domain/field-problems';
import { riskSchema } from '../../src/domain/risk-schema';

describe('patchProblems', () => {
  it('names every refused field of a patch at once, with why', () => {
    expect(patchProblems(riskSchema.shape, { title: '  ', owner: 'o'.repeat(301), treatment: 'ignore', description: 'fine' })).toEqual([
      { field: 'title', code: 'required' },
      { field: 'owner', code: 'too-long', params: { max: 300 } },
      { field: 'treatment', code: 'invalid' },
    ]);
  });

  it('finds nothing in a patch the record can hold, and leaves unknown keys to the repository', () => {
    expect(patchProblems(aiSystemSchema.shape, { name: 'Claims triage', status: 'active', nonsense: 1 })).toEqual([]);
    expect(patchProblems(riskSchema.shape, { nextReview: '2026-02-29' })).toEqual([{ field: 'nextReview', code: 'invalid' }]);
  });
});
