import { describe, expect, it } from 'vitest';
import structure from '../../catalog/iso42001/structure.json';
import en from '../../catalog/iso42001/en.json';
import zh from '../../catalog/iso42001/zh-CN.json';

/**
 * The Chinese terms of the trade, as the Chinese editions of the management-system standards and
 * practitioners use them, and one register (impersonal or 您). A wrong form anywhere in the zh
 * catalog text or the zh-CN messages fails, naming the file and the key.
 */
const GLOSSARY: { wrong: RegExp; right: string }[] = [
  { wrong: /剩余风险/, right: '残余风险 (residual risk)' },
  { wrong: /风险负责人/, right: '风险责任人 (risk owner)' },
  { wrong: /稳健性/, right: '鲁棒性 (robustness)' },
  { wrong: /关切/, right: '关注事项 or 问题与疑虑 (concerns)' },
  { wrong: /你/, right: '您, or impersonal (never 你)' },
  { wrong: /我们/, right: 'impersonal: 本组织, 本项目, 本工具 (never 我们)' },
  { wrong: /技术文档/, right: '技术文件 (technical documentation: one word throughout)' },
  { wrong: /事件日志/, right: '事态日志 (events are 事态; 事件 is for incidents)' },
  { wrong: /对外报告/, right: '外部各方的报告 (A.8.3 is reporting by external parties)' },
  { wrong: /指挥下工作/, right: '在组织控制下工作的人员 (7.3)' },
  { wrong: /《人工智能法》[^。；]{0,12}条款|第\s*\d+\s*条款|条款\s*\d{2,3}(?![.\d])/, right: 'EU AI Act articles are 第N条 (条款 is for ISO clauses)' },
];

type Texts = Record<string, string>;

function flatten(value: unknown, path: string, out: Texts): Texts {
  if (typeof value === 'string') out[path] = value;
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  return out;
}

const sources: Record<string, Texts> = { 'catalog/iso42001/zh-CN.json': flatten({ items: zh.items, pickLists: zh.pickLists }, '', {}) };
for (const [file, mod] of Object.entries(import.meta.glob<Record<string, unknown>>('../../src/i18n/zh-CN/*.ts', { eager: true }))) {
  sources[file.replace('../../', '')] = flatten(mod, '', {});
}

// Chinese inside the crosswalk files (the ISO/IEC 27001 crosswalk carries its bases in Chinese too).
for (const [file, mod] of Object.entries(import.meta.glob<unknown>('../../catalog/crosswalks/*.json', { eager: true, import: 'default' }))) {
  const chinese = Object.fromEntries(Object.entries(flatten(mod, '', {})).filter(([, text]) => /[\u4e00-\u9fff]/.test(text)));
  if (Object.keys(chinese).length > 0) sources[file.replace('../../', '')] = chinese;
}

function hits(texts: Record<string, Texts>): string[] {
  const out: string[] = [];
  for (const [file, entries] of Object.entries(texts)) {
    for (const [key, text] of Object.entries(entries)) {
      for (const g of GLOSSARY) if (g.wrong.test(text)) out.push(`${file} ${key}: ${g.wrong.source} → ${g.right}`);
    }
  }
  return out;
}

describe('zh-CN glossary', () => {
  it('scans the zh catalog, every zh-CN message file and the Chinese in the crosswalk files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(Object.keys(sources['src/i18n/zh-CN/registers.ts'] ?? {}).length).toBeGreaterThan(50);
    expect(Object.keys(sources['catalog/crosswalks/iso42001-iso27001-crosswalk.json'] ?? {}).length).toBeGreaterThan(10);
  });

  it('never uses a wrong form in the zh catalog text or the zh-CN messages', () => {
    expect(hits(sources)).toEqual([]);
  });

  it('fails on each wrong form, naming the file and the key', () => {
    const samples = [
      '剩余风险',
      '风险负责人',
      '稳健性',
      '关切',
      '你的',
      '我们',
      '技术文档',
      '事件日志',
      '对外报告',
      '在组织指挥下工作',
      '欧盟《人工智能法》的任何条款',
      '第 17 条款',
      '条款 73',
    ];
    for (const s of samples) expect(hits({ f: { k: s } }), s).toHaveLength(1);
    expect(hits({ f: { k: '条款 4.1 和条款 10.2；条款 4–10；合同条款；第 17 条' } })).toEqual([]);
    expect(hits({ f: { key: '剩余风险' } })[0]).toMatch(/^f key: /);
  });

  it('reads A.8.3 as reporting by external parties, 7.3 as people under the organization’s control, 9.3.2 as top management', () => {
    expect(zh.items['A.8.3'].title).toBe('外部各方的报告');
    expect(zh.items['7.3'].summary).toContain('在组织控制下工作的人员');
    const review = flatten(zh.items['9.3.2'], '', {});
    expect(Object.values(review).join('')).toContain('最高管理者');
    expect(Object.values(review).join('')).not.toMatch(/领导层|管理层/);
  });
});

describe('Annex C pick-lists carry their numbers', () => {
  it('C.2.1 … C.2.11 and C.3.1 … C.3.7, in the structure’s order, in both languages', () => {
    const prefix: Record<string, string> = { aiObjectives: 'C.2', riskSources: 'C.3' };
    for (const [name, entries] of Object.entries(structure.pickLists)) {
      entries.forEach((e, i) => {
        for (const text of [en, zh]) {
          const label = (text.pickLists as Record<string, Record<string, { label: string }>>)[name]![e.id]!.label;
          expect(label, `${text.locale} ${name}/${e.id}`).toMatch(new RegExp(`^${prefix[name]!.replace('.', '\\.')}\\.${i + 1} \\S`));
        }
      });
    }
    expect(structure.pickLists.aiObjectives).toHaveLength(11);
    expect(structure.pickLists.riskSources).toHaveLength(7);
  });
});
