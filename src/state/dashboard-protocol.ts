import type { Catalog } from '../domain/catalog-model';
import type { DashboardView } from '../domain/dashboard-view';
import type { RiskMatrix } from '../domain/risk-matrix';

/** The page asks the dashboard worker for a workspace's figures (dashboard-view.ts, dashboard.worker.ts). */
export interface DashboardRequest {
  id: number;
  dbName: string;
  workspaceId: string;
  /** The catalog in the language shown: item tasks carry its titles. */
  catalog: Catalog;
  matrix: RiskMatrix;
  /** YYYY-MM-DD, the user's local date. */
  today: string;
}

/** The figures, or why there are none (the worker keeps what the next visit needs itself: keepDashboardDirect). */
export type DashboardReply = { id: number; view: DashboardView; stamp: string | null } | { id: number; failed: string };
