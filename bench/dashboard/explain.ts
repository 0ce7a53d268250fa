/**
 * Which query makes a panel slow: runs `work` once against a drizzle instance whose pool records
 * every statement (text, parameters, time), then prints EXPLAIN (ANALYZE, BUFFERS) of the slowest
 * ones, run one at a time so their times are not shared with the others of the set.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type { pg } from '../../server/platform/db/pg-types.ts';
import type { Db } from '../../server/platform/db/open.ts';

interface Seen {
  text: string;
  values: unknown[];
  ms: number;
}

export async function explainSlowest(pool: pg.Pool, work: (db: Db) => Promise<unknown>, top = 3): Promise<void> {
  const seen: Seen[] = [];
  // Same pool (instanceof still holds for drizzle), only `query` is wrapped.
  const spy = Object.create(pool) as pg.Pool;
  const query = pool.query.bind(pool) as (q: unknown, v?: unknown) => Promise<unknown>;
  spy.query = (async (q: unknown, v?: unknown) => {
    const t = performance.now();
    const result = await query(q, v);
    const config = typeof q === 'string' ? { text: q, values: v } : (q as { text: string; values?: unknown[] });
    seen.push({ text: config.text, values: (config.values ?? v ?? []) as unknown[], ms: performance.now() - t });
    return result;
  }) as pg.Pool['query'];
  await work(drizzle(spy) as unknown as Db);
  seen.sort((a, b) => b.ms - a.ms);
  console.log(
    `  ${seen.length} statements in the set; slowest (time inside the concurrent set): ${seen
      .slice(0, 6)
      .map((s) => `${s.ms.toFixed(1)} ms`)
      .join(', ')}`,
  );
  for (const s of seen.slice(0, top)) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.text}`, s.values);
    console.log(
      `\n--- ${s.ms.toFixed(1)} ms in the set: ${s.text.replace(/\s+/g, ' ').slice(0, 400)}\n    parameters ${JSON.stringify(s.values)}`,
    );
    console.log(rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
  }
}
