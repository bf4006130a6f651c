/**
 * The wording of stored values lives in `src/i18n/value-text.ts`, below every layer, because the
 * bundle report (built in `src/io`, in the export worker) words values too. Views may import it
 * from here or from there: one implementation.
 */
export * from '../i18n/value-text';
