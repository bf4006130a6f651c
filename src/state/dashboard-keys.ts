import type { DashboardRequest } from './dashboard-protocol';

/*
 * What the dashboard's kept figures are keyed by besides the records: the code that worked them out,
 * the catalog in the language shown, the matrix and the day. Both the dashboard worker and the bundle
 * worker (which works out an imported workspace's figures while it checks the bundle) key them so.
 * No imports but types: the bundle worker takes this without the dashboard's reads.
 */

export type DashboardQuestion = Omit<DashboardRequest, 'id'>;

/**
 * The code's name: the build's source (vite.config.ts names it by its content), the same in every
 * worker of one build. The development server's modules change without a build, so there every
 * worker names its code afresh and nothing kept is used.
 */
export const dashboardCode: string = import.meta.env.DEV ? `dev#${crypto.randomUUID()}` : __AIMS_SOURCE__;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Everything besides the records the figures depend on, as one SHA-256: the code that works them
 * out (`code`), the catalog in the language shown (task titles, the SoA's controls), the matrix and
 * the day (overdue, due soon); and the part of it the risks' digests depend on (the code and the
 * matrix: a digest holds the dates its day-bound figures are worked out from on the day asked, so
 * digests kept yesterday still do today).
 */
export async function dashboardInputs(
  q: Pick<DashboardQuestion, 'catalog' | 'matrix' | 'today'>,
  code: string,
): Promise<{ inputs: string; digestInputs: string }> {
  const { frameworkId, catalogVersion, locale, items } = q.catalog;
  const [inputs, digestInputs] = await Promise.all([
    sha256(JSON.stringify({ code, catalog: { frameworkId, catalogVersion, locale, items }, matrix: q.matrix, today: q.today })),
    sha256(JSON.stringify({ code, matrix: q.matrix })),
  ]);
  return { inputs, digestInputs };
}
