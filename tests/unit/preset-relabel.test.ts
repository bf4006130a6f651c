import { describe, expect, it } from 'vitest';
import { presetRelabel } from '../../src/domain/preset-relabel';
import { presetMatrix, presetNames, presetWording, wordedScales } from '../../src/domain/risk-matrix-presets';
import { presetWordings } from '../../src/i18n/preset-wordings';

const zh = presetWordings['zh-CN']!;

describe('preset wordings', () => {
  it.each(presetNames)('translate the %s preset level for level, every text filled', (name) => {
    const en = presetWording(name);
    for (const scale of wordedScales) {
      expect(zh[name][scale]).toHaveLength(en[scale].length);
      for (const level of zh[name][scale]) expect(level.name.trim() && level.description.trim()).toBeTruthy();
    }
    // Within a scale no two levels share a name: a rating is chosen by it.
    for (const scale of wordedScales) expect(new Set(zh[name][scale].map((l) => l.name)).size).toBe(en[scale].length);
  });

  it('give the same matrix in another language: only the words differ', () => {
    const en = presetMatrix('5x5');
    const cn = presetMatrix('5x5', zh['5x5']);
    expect(cn.name).toBe('详细 5×5');
    expect(cn.risk.map((l) => l.name)).toEqual(['极低', '低', '中', '高', '极高']);
    expect(cn.grid).toEqual(en.grid);
    expect(cn.acceptanceThreshold).toBe(en.acceptanceThreshold);
    expect(cn.risk.map((l) => [l.abbreviation, l.hexcolor])).toEqual(en.risk.map((l) => [l.abbreviation, l.hexcolor]));
  });
});

describe('presetRelabel', () => {
  it('offers the Chinese wording for an English preset in a Chinese UI, and changes nothing else', () => {
    const m = presetMatrix('5x5');
    const r = presetRelabel(m, presetWordings, 'zh-CN');
    expect(r).not.toBeNull();
    expect(r!.preset).toBe('5x5');
    expect(r!.from).toBe('en');
    // The matrix's name and description and 15 levels' names and descriptions.
    expect(r!.count).toBe(32);
    expect(r!.names).toContain('Very high');
    expect(r!.matrix).toEqual(presetMatrix('5x5', zh['5x5']));
    // The matrix given is left as it was.
    expect(m).toEqual(presetMatrix('5x5'));
  });

  it('keeps what the user wrote, and offers the way back too', () => {
    const m = presetMatrix('4x4');
    m.risk[3]!.name = 'Stop';
    m.impact[0]!.description = 'A scratch.';
    const r = presetRelabel(m, presetWordings, 'zh-CN')!;
    expect(r.matrix.risk.map((l) => l.name)).toEqual(['低', '中', '高', 'Stop']);
    expect(r.matrix.impact[0]).toMatchObject({ name: '轻微', description: 'A scratch.' });
    const back = presetRelabel(presetMatrix('3x3', zh['3x3']), presetWordings, 'en')!;
    expect(back.from).toBe('zh-CN');
    expect(back.matrix).toEqual(presetMatrix('3x3'));
  });

  it('picks the preset the matrix came from when presets share level names', () => {
    // 4×4 and 5×5 both start their likelihood scale with Rare, Unlikely, Possible, Likely.
    expect(presetRelabel(presetMatrix('4x4'), presetWordings, 'zh-CN')!.preset).toBe('4x4');
    expect(presetRelabel(presetMatrix('5x5'), presetWordings, 'zh-CN')!.preset).toBe('5x5');
  });

  it('offers nothing when the matrix is already in the language, is its own, or came from CISO Assistant', () => {
    expect(presetRelabel(presetMatrix('5x5'), presetWordings, 'en')).toBeNull();
    expect(presetRelabel(presetMatrix('5x5', zh['5x5']), presetWordings, 'zh-CN')).toBeNull();
    const own = presetMatrix('3x3');
    for (const scale of wordedScales) own[scale].forEach((l, i) => (l.name = `${scale} ${i + 1}`));
    expect(presetRelabel(own, presetWordings, 'zh-CN')).toBeNull();
    const ciso = { ...presetMatrix('5x5'), ciso: { urn: 'urn:intuitem:risk:matrix:x', refId: 'x', locale: 'en' } };
    expect(presetRelabel(ciso, presetWordings, 'zh-CN')).toBeNull();
    expect(presetRelabel(presetMatrix('5x5'), presetWordings, 'fr')).toBeNull();
  });
});
