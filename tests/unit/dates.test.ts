import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/domain/dates';

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-03-31', 2)).toBe('2026-05-31');
    expect(addMonths('2026-05-04', 0)).toBe('2026-05-04');
  });

  it('clamps to the last day of a shorter month instead of running into the next', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-01-29', 1)).toBe('2026-02-28');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2026-01-31', 12)).toBe('2027-01-31');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-31', 14)).toBe('2028-02-29');
    expect(addMonths('2026-06-15', 24)).toBe('2028-06-15');
  });

  it('goes back for a negative number of months, clamping the same way', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30');
    expect(addMonths('2026-05-15', -12)).toBe('2025-05-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('keeps years below 100 as typed (no 19xx)', () => {
    expect(addMonths('0050-01-31', 1)).toBe('0050-02-28');
  });

  it('refuses dates that do not exist and fractional or out-of-range months', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-1-5', '', 'soon']) expect(() => addMonths(date, 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31', Number.NaN)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0000-01-01', -1)).toThrow(RangeError);
  });
});
