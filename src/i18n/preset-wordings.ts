import type { PresetWordings } from '../domain/preset-relabel';
import { presetMatrix, presetNames, presetWording, type LevelWords, type PresetName, type PresetWording } from '../domain/risk-matrix-presets';
import type { RiskMatrix } from '../domain/risk-matrix';
import { locale } from './i18n';

/**
 * The risk-matrix presets in each UI language. Their English wording is the presets' own
 * (domain/risk-matrix-presets.ts); the translations are here, level for level in the same order.
 * Only the pages that apply or compare presets load this file (the risk criteria page, the risk
 * register's print view).
 */
const w = (name: string, description: string): LevelWords => ({ name, description });

const zhCN: Record<PresetName, PresetWording> = {
  '3x3': {
    name: '简易 3×3',
    description: '可能性和影响各分三级；适合初次评估，或 AI 系统很少的组织。',
    probability: [w('不太可能', '未来几年内预计不会发生。'), w('有可能', '可能在未来一两年内发生。'), w('很可能', '预计一年内发生，或以前发生过。')],
    impact: [
      w('轻微', '影响小且短暂，容易纠正。'),
      w('显著', '对人员或组织造成明显损害；纠正需要投入精力。'),
      w('严重', '严重或持久的损害、法律风险或信任丧失。'),
    ],
    risk: [w('低', '可以保留；按常规周期评审。'), w('中', '在规划周期内处置。'), w('高', '投入使用前处置，或停止使用。')],
  },
  '4x4': {
    name: '标准 4×4',
    description: '可能性和影响各分四级；避免总是选择居中的等级。',
    probability: [
      w('罕见', '仅在特殊情况下发生。'),
      w('不太可能', '可能发生，但预计不会发生。'),
      w('有可能', '未来一年内很可能发生。'),
      w('很可能', '预计会发生，或已经在发生。'),
    ],
    impact: [
      w('轻微', '对人员或运营影响很小。'),
      w('中等', '造成一定损害或中断，可以恢复。'),
      w('重大', '对人员、其权利或业务造成重大损害。'),
      w('严重', '造成严重、持久或不可逆转的损害。'),
    ],
    risk: [w('低', '可以保留。'), w('中', '资源允许时处置；由负责人监视。'), w('高', '优先处置。'), w('极高', '不可接受；投入使用前必须处置。')],
  },
  '5x5': {
    name: '详细 5×5',
    description: '可能性和影响各分五级，是管理体系实践中最常见的选择。',
    probability: [
      w('罕见', '在系统的生命周期内预计不会发生。'),
      w('不太可能', '可能发生，但没有迹象表明会发生。'),
      w('有可能', '可能在几年内发生。'),
      w('很可能', '大概率在一年内发生。'),
      w('几乎肯定', '预计很快发生，或正在发生。'),
    ],
    impact: [
      w('可忽略', '没有明显影响。'),
      w('轻微', '影响小且短暂，容易纠正。'),
      w('中等', '造成明显损害或中断；纠正需要投入精力。'),
      w('重大', '对人员、其权利或组织造成严重损害。'),
      w('严重', '持久或不可逆转的损害，或大范围的损害。'),
    ],
    risk: [
      w('极低', '保留；无需采取行动。'),
      w('低', '经风险负责人同意可以保留。'),
      w('中', '在规划周期内处置。'),
      w('高', '优先处置；向管理层报告。'),
      w('极高', '不可接受；停止使用，或在投入使用前处置。'),
    ],
  },
};

const english = Object.fromEntries(presetNames.map((n) => [n, presetWording(n)])) as Record<PresetName, PresetWording>;

export const presetWordings: PresetWordings = { en: english, 'zh-CN': zhCN };

/** The preset in the UI's language. */
export function localPreset(name: PresetName): RiskMatrix {
  return presetMatrix(name, presetWordings[locale()]?.[name]);
}
