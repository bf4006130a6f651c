import { defaultGrid, riskMatrixSchema, type RiskMatrix } from './risk-matrix';

const GREEN = '#2E7D32';
const LIME = '#9CCC65';
const AMBER = '#F9A825';
const ORANGE = '#EF6C00';
const RED = '#C62828';

function level(abbreviation: string, name: string, description: string) {
  return { abbreviation, name, description };
}

const PRESETS: Record<'3x3' | '4x4' | '5x5', () => RiskMatrix> = {
  '3x3': () =>
    riskMatrixSchema.parse({
      name: 'Simple 3×3',
      description: 'Three likelihood and three impact levels; for a first pass or a very small portfolio of AI systems.',
      probability: [
        level('L', 'Unlikely', 'Not expected in the next few years.'),
        level('M', 'Possible', 'Could happen in the next year or two.'),
        level('H', 'Likely', 'Expected within a year, or has happened before.'),
      ],
      impact: [
        level('L', 'Minor', 'Small, short-lived effect, easily put right.'),
        level('M', 'Significant', 'Noticeable harm to people or the organization; takes effort to put right.'),
        level('H', 'Severe', 'Serious or lasting harm, legal exposure or loss of trust.'),
      ],
      risk: [
        { ...level('L', 'Low', 'May be retained; review at the usual interval.'), hexcolor: GREEN },
        { ...level('M', 'Medium', 'Treat within the planning cycle.'), hexcolor: AMBER },
        { ...level('H', 'High', 'Treat before use, or stop.'), hexcolor: RED },
      ],
      grid: [
        [0, 0, 1],
        [0, 1, 2],
        [1, 2, 2],
      ],
      acceptanceThreshold: 0,
    }),
  '4x4': () =>
    riskMatrixSchema.parse({
      name: 'Standard 4×4',
      description: 'Four levels each way; avoids a comfortable middle choice.',
      probability: [
        level('R', 'Rare', 'Only in exceptional circumstances.'),
        level('U', 'Unlikely', 'Could happen but not expected.'),
        level('P', 'Possible', 'Might well happen in the next year.'),
        level('L', 'Likely', 'Expected to happen, or already happening.'),
      ],
      impact: [
        level('Mi', 'Minor', 'Little effect on people or operations.'),
        level('Mo', 'Moderate', 'Some harm or disruption, recoverable.'),
        level('Ma', 'Major', 'Significant harm to people, rights or the business.'),
        level('C', 'Critical', 'Severe, lasting or irreversible harm.'),
      ],
      risk: [
        { ...level('L', 'Low', 'May be retained.'), hexcolor: GREEN },
        { ...level('M', 'Medium', 'Treat when resources allow; owner monitors.'), hexcolor: AMBER },
        { ...level('H', 'High', 'Treat with priority.'), hexcolor: ORANGE },
        { ...level('VH', 'Very high', 'Not acceptable; treat before use.'), hexcolor: RED },
      ],
      grid: defaultGrid(4, 4, 4),
      acceptanceThreshold: 0,
    }),
  '5x5': () =>
    riskMatrixSchema.parse({
      name: 'Detailed 5×5',
      description: 'Five levels each way, the most common choice in management-system practice.',
      probability: [
        level('1', 'Rare', 'Not expected in the life of the system.'),
        level('2', 'Unlikely', 'Could happen, but there is no sign it will.'),
        level('3', 'Possible', 'Might happen within a few years.'),
        level('4', 'Likely', 'Will probably happen within a year.'),
        level('5', 'Almost certain', 'Expected soon, or happening now.'),
      ],
      impact: [
        level('1', 'Negligible', 'No noticeable effect.'),
        level('2', 'Minor', 'Small, short-lived effect, easily corrected.'),
        level('3', 'Moderate', 'Noticeable harm or disruption; correction takes effort.'),
        level('4', 'Major', 'Serious harm to people, their rights, or the organization.'),
        level('5', 'Severe', 'Lasting or irreversible harm, or harm at scale.'),
      ],
      risk: [
        { ...level('VL', 'Very low', 'Retain; no action needed.'), hexcolor: GREEN },
        { ...level('L', 'Low', 'May be retained with the owner’s agreement.'), hexcolor: LIME },
        { ...level('M', 'Medium', 'Treat within the planning cycle.'), hexcolor: AMBER },
        { ...level('H', 'High', 'Treat with priority; report to management.'), hexcolor: ORANGE },
        { ...level('VH', 'Very high', 'Not acceptable; stop or treat before use.'), hexcolor: RED },
      ],
      grid: defaultGrid(5, 5, 5),
      acceptanceThreshold: 1,
    }),
};

export type PresetName = keyof typeof PRESETS;
export const presetNames = Object.keys(PRESETS) as PresetName[];

/** What a preset says in one language: its name and description, and each level's (abbreviations and colours are the same in every language). */
export interface PresetWording {
  name: string;
  description: string;
  probability: LevelWords[];
  impact: LevelWords[];
  risk: LevelWords[];
}
export interface LevelWords {
  name: string;
  description: string;
}
export const wordedScales = ['probability', 'impact', 'risk'] as const;

/** The preset's own (English) wording. */
export function presetWording(name: PresetName): PresetWording {
  const m = PRESETS[name]();
  const words = (levels: readonly LevelWords[]) => levels.map(({ name, description }) => ({ name, description }));
  return { name: m.name, description: m.description, probability: words(m.probability), impact: words(m.impact), risk: words(m.risk) };
}

/** The preset, in English or in the wording given (a translation of `presetWording(name)`, level for level). */
export function presetMatrix(name: PresetName, wording?: PresetWording): RiskMatrix {
  const m = PRESETS[name]();
  if (!wording) return m;
  m.name = wording.name;
  m.description = wording.description;
  for (const scale of wordedScales) m[scale].forEach((level, i) => Object.assign(level, wording[scale][i]));
  return riskMatrixSchema.parse(m);
}

export const DEFAULT_PRESET: PresetName = '5x5';
