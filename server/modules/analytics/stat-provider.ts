import type { Queryable } from '../../platform/db/tx.ts';

/**
 * What a module tells the analytics module about itself (like decidim's register_stat): named
 * figures computed from the module's OWN tables for a governance path and a period. Analytics
 * never reads another module's tables; it asks these providers.
 */
export interface StatQuery {
  /** Materialised path of the node looked at ('/1/7/42/'); figures cover it and everything under it. */
  scopePath: string;
  /** Period [from, to); snapshot figures ignore it. */
  from: Date;
  to: Date;
  now: Date;
}

export interface Slice {
  key: string;
  name: string;
  value: number;
}

/** A month of a cohort (items reported in that month) per leaf scope path and dimension, with outcome counts. */
export interface CohortFact {
  /** Leaf path the items are filed under (a grid, or a community while no grid is known). */
  scopePath: string;
  /** 'all' (totals), or a breakdown dimension such as 'state', 'category', 'department'. */
  dim: string;
  key: string;
  name: string;
  reported: number;
  closed: number;
  closedOnTime: number;
  rated: number;
  satisfied: number;
}

interface Named {
  name: string;
  label: string;
}

export type StatProvider = Named &
  /** One number (population, members, hours…). */
  (
    | { kind: 'figure'; compute(db: Queryable, q: StatQuery): Promise<number> }
    /** Counts split by a key (state, grid path…). */
    | { kind: 'breakdown'; compute(db: Queryable, q: StatQuery): Promise<Slice[]> }
    /** Rows for a list or map layer; never personal names unless the panel is meant to show them. */
    | { kind: 'list'; compute(db: Queryable, q: StatQuery): Promise<Record<string, unknown>[]> }
    /**
     * Figures too big to compute per request: analytics keeps them in rollup tables. A rebuild asks
     * for every month with facts; the incremental refresh asks for the (month, leaf path) pairs whose
     * items changed since a watermark and recounts those leaves only.
     */
    | {
        kind: 'cohort';
        changedMonths(db: Queryable, since: Date | null): Promise<string[]>;
        changedLeaves(db: Queryable, since: Date): Promise<{ month: string; scopePath: string }[]>;
        facts(db: Queryable, month: string, leafPaths?: string[]): Promise<CohortFact[]>;
      }
  );

export type StatKind = StatProvider['kind'];
