import type pg from 'pg';

/**
 * State mix of a running closed loop (share of all cases, working limit of the current step in
 * hours; null = no running deadline). Most cases of a year are finished; the open ones are recent,
 * each somewhere inside its current step, and about one in seven has run past its deadline.
 */
const MIX: [state: string, share: number, stepHours: number | null, reached: number][] = [
  ['closed', 0.46, null, 5],
  ['rated', 0.34, null, 5],
  ['rejected', 0.03, null, 1],
  ['merged', 0.01, null, 1],
  ['reported', 0.012, 4, 1],
  ['accepted', 0.008, 4, 2],
  ['dispatched', 0.02, 8, 3],
  ['signed', 0.06, 48, 3],
  ['extension_requested', 0.005, 48, 3],
  ['handled', 0.025, 24, 4],
  ['verified', 0.015, 24, 4],
  ['parked', 0.01, null, 2],
  ['on_agenda', 0.005, null, 2],
];
/** How far into its step an open case is: uniform over 0 … 1.17 × the limit, so ≈ 14.5 % are overdue. */
const STEP_SPREAD = 1.17;

/** Writes `n` cases spread over the seeded grids with one INSERT … SELECT per 200,000, then prints the mix. */
export async function generateCases(pool: pg.Pool, n: number): Promise<void> {
  await pool.query(`select setseed(0.2026)`);
  await pool.query(`create temp table bench_grids as
    select row_number() over (order by id) as rn, id, path, parent_id as community_id, split_part(path, '/', 3)::int as street_id,
      (min_lng + max_lng) / 2 as lng, (min_lat + max_lat) / 2 as lat from org_nodes where level = 'grid'`);
  let lo = 0;
  const rows = MIX.map(([state, share, hours, reached]) => {
    const row = { state, lo, hi: lo + share, hours, reached };
    lo += share;
    return row;
  });
  rows[rows.length - 1]!.hi = 1.000001;
  await pool.query(
    `create temp table bench_mix as select * from json_to_recordset($1::json) as m(state text, lo float8, hi float8, hours float8, reached int)`,
    [JSON.stringify(rows)],
  );
  const grids = Number((await pool.query(`select count(*) from bench_grids`)).rows[0].count);
  const categories = (await pool.query(`select array_agg(id) as ids from case_categories where parent_id is not null`))
    .rows[0].ids as number[];
  const batch = 200_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await pool.query(
      `
      insert into cases (id, case_no, title, description, source, state, category_id, reporter_name, lng, lat, grid_id, community_id, street_id, scope_path,
        dispatch_level, due_at, step_started_at, deadline_notice, reported_at, accepted_at, dispatched_at, handled_at, closed_at,
        accepted_on_time, handled_on_time, closed_on_time, rework_count, return_count, verify_passed, score, updated_at)
      select i, 'BENCH' || i, '楼道堆物影响通行', '楼道里堆满杂物，影响通行', 'resident', m.state, ($1::int[])[1 + (i % ${categories.length})], '居民',
        g.lng, g.lat, g.id, g.community_id, g.street_id, g.path,
        case when m.reached >= 3 then 'grid' end,
        t.due, t.step,
        case when t.due < now() then 'red' when t.due - now() < (t.due - t.step) * 0.2 then 'yellow' else 'none' end,
        t.reported,
        case when m.reached >= 2 then t.reported + (t.step - t.reported) * 0.3 end,
        case when m.reached >= 3 then t.reported + (t.step - t.reported) * 0.6 end,
        case when m.reached >= 4 then t.step end,
        case when m.state in ('closed', 'rated') then t.step + interval '10 hours' end,
        case when m.reached >= 2 then random() < 0.93 end, case when m.reached >= 4 then random() < 0.88 end,
        case when m.state in ('closed', 'rated') then random() < 0.85 end,
        (random() < 0.08)::int, (random() < 0.05)::int, case when m.reached >= 5 then random() < 0.92 end,
        case when m.state = 'rated' then 1 + floor(random() * 5)::int end, coalesce(t.step, t.reported)
      from generate_series(${from}, ${to}) i
      join bench_grids g on g.rn = 1 + (i::int8 * 7919) % ${grids}
      cross join lateral (select random() as u, i as k) p
      join bench_mix m on p.u >= m.lo and p.u < m.hi
      cross join lateral (select
          case when m.hours is not null then now() - interval '1 hour' * m.hours * ${STEP_SPREAD} * random()
               when m.reached >= 5 then now() - interval '10 hours' - interval '365 days' * random()
               else now() - interval '20 days' * random() end as step, i as k) s
      cross join lateral (select s.step - interval '1 hour' * (m.reached - 1) * 8 * random() - case when m.reached >= 5 then interval '30 hours' else interval '0' end as reported,
          s.step as step, s.step + interval '1 hour' * m.hours as due) t`,
      [categories],
    );
    console.log(`  … ${to.toLocaleString()} cases`);
  }
  await pool.query(`select setval(pg_get_serial_sequence('cases', 'id'), ${n})`);
  await pool.query(`analyze cases`);
  await printMix(pool);
}

async function printMix(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ state: string; n: number; overdue: number }>(`
    select state, count(*)::int as n, (count(*) filter (where due_at < now()))::int as overdue from cases group by state order by count(*) desc`);
  const total = rows.reduce((s, r) => s + r.n, 0);
  const open = rows
    .filter((r) => !['closed', 'rated', 'rejected', 'merged'].includes(r.state))
    .reduce((s, r) => s + r.n, 0);
  const overdue = rows.reduce((s, r) => s + r.overdue, 0);
  const pct = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(1)} %`;
  console.log(`mix: ${rows.map((r) => `${r.state} ${pct(r.n, total)}`).join(', ')}`);
  console.log(
    `open ${open.toLocaleString()} (${pct(open, total)} of all); overdue ${overdue.toLocaleString()} = ${pct(overdue, open)} of open, ${pct(overdue, total)} of all`,
  );
}
