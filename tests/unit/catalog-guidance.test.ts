import { describe, expect, it } from 'vitest';
import en from '../../catalog/iso42001/en.json';
import zh from '../../catalog/iso42001/zh-CN.json';
import { catalogTextSchema, type ItemText } from '../../src/domain/catalog-schema';
import { aiRoles } from '../../src/domain/workspace-schema';
import { aiSystemRoles } from '../../src/domain/ai-system-schema';
import { core as enCore } from '../../src/i18n/en/core';
import { core as zhCore } from '../../src/i18n/zh-CN/core';
import { registers as enRegisters } from '../../src/i18n/en/registers';
import { registers as zhRegisters } from '../../src/i18n/zh-CN/registers';

/**
 * The guidance says what ISO/IEC 42001 requires and marks the rest as advice (issue 17, part 2):
 * ISO/IEC 27001 habits (a named owner for every risk, interfaces and dependencies in the scope,
 * implementation status in the SoA) are good practice, never presented as 42001's requirements.
 */
type Item = ItemText;
const texts = { en: catalogTextSchema.parse(en).items, zh: catalogTextSchema.parse(zh).items };
const all = (i: Item) => [i.summary, ...i.questions, ...i.evidence].join('\n');
/** Sentences (or list entries) of an item, split on full stops, semicolons, question marks. */
const pieces = (i: Item) => [i.summary, ...i.questions, ...i.evidence].flatMap((s) => s.split(/(?<=[.;?。；？])\s*/));
const ADVICE = { en: /good practice|useful extra|not a requirement/i, zh: /良好实践|有益的补充|并非.*要求|而非要求/ };

/** Each piece that mentions `topic` is marked as advice. */
function unmarked(lang: 'en' | 'zh', id: string, topic: RegExp): string[] {
  return pieces(texts[lang][id]!).filter((p) => topic.test(p) && !ADVICE[lang].test(p));
}

describe('6.1.3 AI risk treatment', () => {
  it('has designated management approve the plan and accept the residual risk, not risk owners', () => {
    expect(all(texts.en['6.1.3']!)).toMatch(/management you designated[^.]*approve the plan and accept the residual risk/);
    expect(all(texts.en['6.1.3']!)).not.toMatch(/risk owners/i);
    expect(all(texts.zh['6.1.3']!)).toMatch(/指定的管理者批准该计划、接受残余风险/);
    expect(all(texts.zh['6.1.3']!)).not.toMatch(/风险(负责人|责任人)批准/);
  });

  it('asks the SoA for the necessary controls with their justification; implementation status only as good practice', () => {
    expect(texts.en['6.1.3']!.summary).toMatch(/necessary controls, with the reason for including each one and for excluding any Annex A control/);
    expect(unmarked('en', '6.1.3', /implement(ed|ation status)/i)).toEqual([]);
    expect(unmarked('zh', '6.1.3', /实施状态|是否已实施/)).toEqual([]);
  });

  it('adds what 42001 asks besides: alignment with the AI objectives, documented and communicated treatment, Annex B', () => {
    for (const [lang, words] of [
      ['en', [/AI objectives \(6\.2\)/, /Annex B/, /communicate it within the organization/, /available to interested parties as appropriate/]],
      ['zh', [/AI目标（6\.2）/, /附录B/, /在组织内部沟通/, /视情况向相关方提供/]],
    ] as const) {
      for (const w of words) expect(all(texts[lang]['6.1.3']!), `${lang} ${w}`).toMatch(w);
    }
  });
});

describe('27001 habits are advice', () => {
  it('6.1.2: a named owner for every risk is good practice; the assessment is aligned with the AI policy and objectives', () => {
    expect(unmarked('en', '6.1.2', /\bowner/i)).toEqual([]);
    expect(unmarked('zh', '6.1.2', /风险责任人|负责人/)).toEqual([]);
    expect(texts.en['6.1.2']!.summary).toMatch(/informed by and aligned with your AI policy and AI objectives/);
    expect(texts.zh['6.1.2']!.summary).toMatch(/以AI方针和AI目标为依据并与之保持一致/);
  });

  it('4.3: interfaces and dependencies are good practice', () => {
    expect(unmarked('en', '4.3', /interface|dependenc/i)).toEqual([]);
    expect(unmarked('zh', '4.3', /接口|依赖/)).toEqual([]);
    expect(texts.en['4.3']!.summary).toMatch(/Good practice \(a requirement of ISO\/IEC 27001, not of 42001\)/);
  });
});

describe('gaps closed', () => {
  it('A.9.3 is about the use of AI systems (operators, oversight in operation, intended use), not a repeat of A.6.1.2', () => {
    expect(texts.en['A.9.3']!.summary).toMatch(/in operation/);
    for (const w of [/operators/, /override/, /intended purpose/]) expect(all(texts.en['A.9.3']!)).toMatch(w);
    for (const w of [/运营人员/, /推翻/, /预期用途/, /人工监督/]) expect(all(texts.zh['A.9.3']!)).toMatch(w);
    expect(texts.en['A.9.3']!.questions.filter((q) => texts.en['A.6.1.2']!.questions.includes(q))).toEqual([]);
  });

  it('8.1 implements the 6.1.3 controls and monitors their effectiveness; 8.4 looks at potential consequences', () => {
    expect(texts.en['8.1']!.summary).toMatch(/controls you determined under 6\.1\.3, and monitor whether they are effective/);
    expect(texts.zh['8.1']!.summary).toMatch(/实施在6\.1\.3中确定的控制措施，监视其有效性/);
    expect(texts.en['8.4']!.summary).toMatch(/potential consequences/);
    expect(texts.zh['8.4']!.summary).toMatch(/潜在后果/);
  });

  it('A.2.2 names the inputs to the policy and how deviations and exceptions are handled', () => {
    expect(texts.en['A.2.2']!.summary).toMatch(/inputs: your business strategy/);
    expect(texts.en['A.2.2']!.summary).toMatch(/deviations from the policy and exceptions/);
    expect(texts.zh['A.2.2']!.summary).toMatch(/输入：业务战略/);
    expect(texts.zh['A.2.2']!.summary).toMatch(/偏离和例外/);
  });

  it('4.1 names the ISO/IEC 22989 roles as the profile does, and points to the register’s role choices', () => {
    const label = (text: string) => text.split(/ \(|（/)[0]!;
    for (const role of aiRoles.filter((r) => r !== 'relevant-authority')) {
      expect(texts.en['4.1']!.summary, role).toContain(enCore[`aiRole.${role}`]);
      expect(texts.zh['4.1']!.summary, role).toContain(zhCore[`aiRole.${role}`]);
    }
    for (const role of aiSystemRoles.filter((r) => ['developer', 'provider', 'deployer', 'user'].includes(r))) {
      expect(texts.en['4.1']!.summary, role).toContain(label(enRegisters[`ai.role.${role}`]));
      expect(texts.zh['4.1']!.summary, role).toContain(label(zhRegisters[`ai.role.${role}`]));
    }
  });
});
