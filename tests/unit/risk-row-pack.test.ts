import { describe, expect, it } from 'vitest';
import { presetMatrix } from '../../src/domain/risk-matrix-presets';
import { buildRiskList, RISK_ROW_FIELDS, type RiskRow } from '../../src/domain/risk-row';
import { packBuffers, packedSearch, packRows, unpackRows } from '../../src/domain/risk-row-pack';
import { blankRisk, type Risk } from '../../src/domain/risk-schema';

const NOW = '2026-01-01T00:00:00.000Z';
const matrix = presetMatrix('5x5');
function risk(n: number, patch: Partial<Risk> = {}): Risk {
  return { ...blankRisk({ id: `r${n}`, workspaceId: 'ws', createdAt: NOW, updatedAt: NOW, ref: `R-${String(n).padStart(3, '0')}` }, `Risk ${n}`), ...patch };
}
const FIELDS = [...RISK_ROW_FIELDS, 'inherentIndex', 'residualIndex', 'flagBits', 'search'] as const;
/** A row's fields as a plain object (a packed row reads them from its pack). */
const plain = (r: RiskRow) => Object.fromEntries(FIELDS.map((f) => [f, r[f]]));

describe('the risk list rows packed for the page', () => {
  it('read back every field as it was: texts, nulls, empty texts, numbers, out-of-scale ratings, several or no AI systems', () => {
    const risks = [
      risk(1, { owner: 'Amélie Roux', aiSystemIds: ['s1', 's2', 's3'], inherentLikelihood: 4, inherentImpact: 4, residualLikelihood: 4, residualImpact: 4 }),
      risk(2, { title: 'Biais — 偏见 ✓', aiSystemIds: [], treatment: null, nextReview: null, acceptedOn: null, acceptedBy: '' }),
      risk(3, { inherentLikelihood: 9, inherentImpact: 0, residualLikelihood: 0, residualImpact: 0, acceptedBy: 'Board', acceptedOn: '2026-01-02' }),
      risk(4, { description: '', owner: '', aiSystemIds: [''], treatment: 'avoid', nextReview: '2027-03-01' }),
    ];
    const { rows } = buildRiskList(risks, matrix, 'en');
    const back = unpackRows(packRows(rows));
    expect(back.map(plain)).toEqual(rows.map(plain));
    expect(back[0]!.aiSystemIds).toEqual(['s1', 's2', 's3']);
    expect(back[1]!.treatment).toBeNull();
    expect(back[1]!.acceptedBy).toBe('');
    expect(back[3]!.aiSystemIds).toEqual(['']);
    expect(back[3]!.owner).toBe('');
  });

  it('hand over their numbers as buffers, and an empty pack is no rows', () => {
    const p = packRows(buildRiskList([risk(1)], matrix).rows);
    expect(packBuffers(p)).toEqual([p.ends.buffer, p.first.buffer, p.nulls.buffer, p.numbers.buffer, p.searchEnds.buffer]);
    expect(unpackRows(packRows([]))).toEqual([]);
  });

  it('are searched as their search texts: a query found within a row only, never across two, and in every row that has it', () => {
    const risks = [
      risk(1, { title: 'Drift', description: 'drift drift', owner: 'Ana' }),
      risk(2, { title: 'Bias', owner: 'Bo' }),
      risk(3, { title: 'abc', description: '' }),
      risk(4, { title: 'Drift again', owner: 'Dri' }),
      risk(5, { title: 'aaaa', description: 'aa' }),
    ];
    const { rows } = buildRiskList(risks, matrix, 'en');
    const packed = [...unpackRows(packRows(rows.slice(0, 2))), ...unpackRows(packRows(rows.slice(2)))];
    // Every piece of every text, and pieces running from one row's text into the next row's.
    const all = packed.map((r) => r.search).join('');
    const queries = new Set(['drift', 'a', 'aa', 'aaa', 'zzz', 'r-00', '\n', 'ana', 'nar-', 'bor-003', 'dri']);
    for (let i = 0; i < all.length; i += 3) for (const len of [1, 2, 5, 9]) queries.add(all.slice(i, i + len));
    for (const q of queries) {
      const find = packedSearch(q);
      expect(
        packed.map((r) => find(r)),
        q,
      ).toEqual(rows.map((r) => r.search.includes(q)));
    }
    // Rows not from a pack are searched as they are.
    expect(packedSearch('bias')(rows[1]!)).toBe(true);
  });
});
