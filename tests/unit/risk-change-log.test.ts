import { describe, expect, it } from 'vitest';
import { changedSince, logged, logPosition, RISK_LOG_LIMIT, type RiskChangeLog } from '../../src/db/change-stamp';

/** The log of risks written (change-stamp.ts) that kept digests are brought up to date from. */
describe('the risk change log', () => {
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('lists the risks written after a position, each once', () => {
    let log: RiskChangeLog = logged(undefined, ['z']);
    const start = logPosition(log);
    log = logged(log, ['a', 'b']);
    const mid = logPosition(log);
    log = logged(log, ['b', 'c']);
    expect([...changedSince(log, start)!].sort()).toEqual(['a', 'b', 'c']);
    expect([...changedSince(log, mid)!].sort()).toEqual(['b', 'c']);
    expect(changedSince(log, logPosition(log))!.size).toBe(0);
  });

  it('lets the oldest writes go past its limit: positions before them can no longer be told', () => {
    let log = logged(undefined, ['x']);
    const before = logPosition(log);
    log = logged(log, ids('a', RISK_LOG_LIMIT - 10));
    const after = logPosition(log);
    log = logged(log, ids('b', 5));
    log = logged(log, ids('c', 20));
    // The write of x and the one of the a's were let go: digests made before the a's were written cannot be brought up to date.
    expect(changedSince(log, before)).toBeNull();
    expect([...changedSince(log, after)!]).toEqual([...ids('b', 5), ...ids('c', 20)]);
    expect(log.entries.reduce((n, e) => n + e.ids.length, 0)).toBeLessThanOrEqual(RISK_LOG_LIMIT);
  });

  it('does not list a write bigger than its limit, or a range: nothing kept before it will do', () => {
    const log = logged(undefined, ['a']);
    const at = logPosition(log);
    expect(changedSince(logged(log, ids('x', RISK_LOG_LIMIT + 1)), at)).toBeNull();
    expect(changedSince(logged(log, null), at)).toBeNull();
  });

  it('tells nothing to a position of another log (the row was lost and began again)', () => {
    const a = logged(undefined, ['a']);
    const b = logged(undefined, ['a']);
    expect(changedSince(b, logPosition(a))).toBeNull();
    expect(changedSince(undefined, logPosition(a))).toBeNull();
    expect(changedSince(undefined, logPosition(undefined))!.size).toBe(0);
  });
});
