import type { CoverageLink, CoverageState } from '../domain/crosswalk';
import type { CrosswalkStrength } from '../domain/crosswalk-schema';
import type { MessageKey } from '../i18n/i18n';

/** Message keys for the crosswalk values the panel and the coverage page show. */
export const strengthLabel = {
  strong: 'crosswalk.strength.strong',
  partial: 'crosswalk.strength.partial',
} as const satisfies Record<CrosswalkStrength, MessageKey>;

export const coverageStateLabel = {
  touched: 'crosswalk.state.touched',
  'in-progress': 'crosswalk.state.in-progress',
  untouched: 'crosswalk.state.untouched',
} as const satisfies Record<CoverageState, MessageKey>;

/** One line of the coverage page: a subcategory, article, clause or control, how far the workspace's items reach it, and which do. */
export interface CoverageRow {
  key: string;
  label: string;
  text: string;
  testid: string;
  state: CoverageState;
  by: CoverageLink[];
}
