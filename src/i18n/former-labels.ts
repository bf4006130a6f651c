import type { Locale, MessageKey } from './i18n';

/**
 * Choice labels and headers an earlier version of the app wrote into workbooks and that a later
 * version reworded (the terms of the trade, one register in Chinese). An import still reads them, so
 * a workbook sent to a client before the change comes back readable; nothing writes them any more.
 * Add a line whenever a label that a workbook carries is reworded; never remove one.
 */
export const formerLabels: Readonly<Partial<Record<Locale, Partial<Record<MessageKey, readonly string[]>>>>> = {
  'zh-CN': {
    // Stop 6 (issue 17): 我们 → 本组织, 关切 → 关注事项, 剩余 → 残余, 风险负责人 → 风险责任人.
    'ai.role.provider': ['提供者（我们将其投放市场或投入使用）'],
    'ai.role.developer': ['开发者（我们构建或训练它）'],
    'ai.role.deployer': ['部署者 / 运营者（我们在业务中使用它）'],
    'cycle.party.category.affected-people': ['受我们AI系统影响的人'],
    'cycle.incident.type.concern': ['关切'],
    'sheetCol.Residual level': ['剩余风险等级'],
  },
};

/** What a key used to read in a locale (empty when it never changed). */
export function formerTexts(l: Locale, key: string): readonly string[] {
  return formerLabels[l]?.[key as MessageKey] ?? [];
}
