/** Lives in `src/i18n/risk-flag-text.ts`, below every layer: the bundle report (src/io) says why a risk needs attention too. */
export { riskFlagText } from '../i18n/risk-flag-text';
