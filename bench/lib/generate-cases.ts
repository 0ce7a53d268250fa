import type pg from 'pg';

/**
 * Writes `n` cases spread over the seeded grids and the past year with one INSERT … SELECT,
 * in a realistic mix of states (most closed, a few hundred thousand open, some overdue).
 */
export async function generateCases(pool: pg.Pool, n: number): Promise<void> {
  await pool.query(`select setseed(0.2026)`);
  await pool.query(`create temp table bench_grids as
    select row_number() over (order by id) as rn, id, path, parent_id as community_id, split_part(path, '/', 3)::int as street_id,
      (min_lng + max_lng) / 2 as lng, (min_lat + max_lat) / 2 as lat from org_nodes where level = 'grid'`);
  const grids = Number((await pool.query(`select count(*) from bench_grids`)).rows[0].count);
  const categories = (await pool.query(`select array_agg(id) as ids from case_categories where parent_id is not null`)).rows[0].ids as number[];
  const batch = 200_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await pool.query(`
      insert into cases (id, case_no, title, description, source, state, category_id, reporter_name, lng, lat, grid_id, community_id, street_id, scope_path,
        dispatch_level, due_at, step_started_at, reported_at, accepted_at, dispatched_at, handled_at, closed_at,
        accepted_on_time, handled_on_time, closed_on_time, rework_count, return_count, verify_passed, score, updated_at)
      select i, 'BENCH' || i, '楼道堆物影响通行', '楼道里堆满杂物，影响通行', 'resident', s.state, ($1::int[])[1 + (i % ${categories.length})], '居民',
        g.lng, g.lat, g.id, g.community_id, g.street_id, g.path,
        case when s.state in ('reported', 'accepted') then null else 'grid' end,
        case when s.state in ('reported', 'dispatched', 'signed', 'handled') then r.at + interval '2 days' * random() end,
        r.at, r.at, r.at + interval '1 hour', r.at + interval '2 hours', r.at + interval '30 hours',
        case when s.state in ('closed', 'rated') then r.at + interval '40 hours' end,
        random() < 0.93, random() < 0.88, random() < 0.85, (random() < 0.08)::int, (random() < 0.05)::int, random() < 0.92,
        case when s.state = 'rated' then 1 + floor(random() * 5)::int end, r.at
      from generate_series(${from}, ${to}) i
      join bench_grids g on g.rn = 1 + (i::int8 * 7919) % ${grids}
      cross join lateral (select now() - interval '365 days' * random() as at, i as k) r
      cross join lateral (select (array['closed','rated','rated','closed','closed','rated','closed','rated','dispatched','signed','handled','reported','accepted','verified','rejected','parked'])[1 + floor(random() * 16)::int] as state, i as k) s`,
      [categories]);
    console.log(`  … ${to.toLocaleString()} cases`);
  }
  await pool.query(`select setval(pg_get_serial_sequence('cases', 'id'), ${n})`);
  await pool.query(`analyze cases`);
}
