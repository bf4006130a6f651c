/**
 * The OSCAL releases whose official JSON schemas the tests validate every export against. The
 * documents are the same for both: only metadata oscal-version differs (docs/oscal.md, "OSCAL
 * version"). 1.1.3 is the default because 1.1 tools may refuse a newer version number, while 1.2
 * tools read 1.1.3 documents. Its own tiny module, so that the page can offer the choice without
 * loading the builders.
 */
export const OSCAL_VERSIONS = ['1.1.3', '1.2.1'] as const;
export type OscalVersion = (typeof OSCAL_VERSIONS)[number];
export const OSCAL_VERSION: OscalVersion = '1.1.3';
