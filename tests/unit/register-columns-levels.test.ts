import { describe, expect, it } from 'vitest';
import { riskRegister } from '../../src/domain/risk-schema';
import { registerColumns } from '../../src/ui/register-columns';
import { makeRisk, makeWorkspace } from '../support/factories';

const workspace = makeWorkspace({ name: 'Acme AI' });
const matrix = workspace.riskMatrix;
const ctx = { matrix, nameOf: () => undefined };

describe('the risk list’s level columns', () => {
  it('word an unrated risk “Not rated”, as its badge does, so a phone card never calls the cell empty', () => {
    const cols = registerColumns(riskRegister, ctx);
    const inherent = cols.find((c) => c.key === 'inherentLevel')!;
    const residual = cols.find((c) => c.key === 'residualLevel')!;
    const unrated = makeRisk(workspace.id, {
      title: 'Unfair refusals',
      inherentLikelihood: null,
      inherentImpact: null,
      residualLikelihood: null,
      residualImpact: null,
    });
    expect(inherent.text(unrated)).toBe('Not rated');
    expect(residual.text(unrated)).toBe('Not rated');
    const rated = makeRisk(workspace.id, { title: 'Drift', inherentLikelihood: 4, inherentImpact: 4 });
    expect(matrix.risk.map((l) => l.name)).toContain(inherent.text(rated));
    // Unrated sorts apart from every level, as before.
    expect(inherent.sortKey!(unrated)).not.toBe(inherent.sortKey!(rated));
  });
});
