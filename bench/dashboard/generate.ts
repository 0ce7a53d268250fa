/**
 * District-scale data for bench/dashboard.ts, written by INSERT … SELECT generate_series inside
 * PostgreSQL (no rows cross the wire). Secondary indexes are dropped for the load and rebuilt
 * afterwards: building a btree once over sorted input is far cheaper than 5 M random insertions.
 */
import type { pg } from '../../server/platform/db/pg-types.ts';

export const STREETS = 10;
const COMMUNITIES = 100;
const GRIDS = 1000;

/** 10 streets × 10 communities × 10 grids; ids chosen so paths are arithmetic; grids get a box and communities a building each. */
export async function seedTree(pool: pg.Pool) {
  await pool.query(
    `insert into org_nodes (id, level, code, name, path) values (1, 'district', '320508', '姑苏区', '/1/')`,
  );
  await pool.query(
    `insert into org_nodes (id, parent_id, level, code, name, path) select 1 + s, 1, 'street', '320508' || lpad(s::text, 3, '0'), '街道' || s, '/1/' || (1 + s) || '/' from generate_series(1, ${STREETS}) s`,
  );
  await pool.query(
    `insert into org_nodes (id, parent_id, level, code, name, path) select 100 + c, 2 + (c - 1) / 10, 'community', '320508' || lpad(c::text, 6, '0'), '社区' || c, '/1/' || (2 + (c - 1) / 10) || '/' || (100 + c) || '/' from generate_series(1, ${COMMUNITIES}) c`,
  );
  // Grid g sits in a 40-column lattice of 0.005° cells south-west of (120.55, 31.25).
  await pool.query(`insert into org_nodes (id, parent_id, level, code, name, path, households, min_lng, min_lat, max_lng, max_lat)
    select 1000 + g, 101 + (g - 1) / 10, 'grid', '320508' || lpad(g::text, 9, '0'), '网格' || g, '/1/' || (2 + (g - 1) / 100) || '/' || (101 + (g - 1) / 10) || '/' || (1000 + g) || '/', 300,
      120.55 + (g % 40) * 0.005, 31.25 + (g / 40) * 0.005, 120.555 + (g % 40) * 0.005, 31.255 + (g / 40) * 0.005
    from generate_series(1, ${GRIDS}) g`);
  await pool.query(
    `insert into case_categories (code, name, kind) select lpad(i::text, 2, '0'), '类别' || i, 'event' from generate_series(1, 12) i`,
  );
  await pool.query(
    `insert into departments (code, name, serves_node_id) select 'D' || i, '部门' || i, 1 from generate_series(1, 8) i`,
  );
}

const grid = (g: string) => `(1001 + (${g} % ${GRIDS}))`;
const gridPath = (g: string) =>
  `'/1/' || (2 + (${g} % ${GRIDS}) / 100) || '/' || (101 + (${g} % ${GRIDS}) / 10) || '/' || ${grid(g)} || '/'`;
/** A point inside grid g's box (jittered by a second number h). */
const lng = (g: string, h: string) => `(120.5505 + (${grid(g)} - 1000) % 40 * 0.005 + (${h} % 97) * 0.00004)`;
const lat = (g: string, h: string) => `(31.2505 + (${grid(g)} - 1000) / 40 * 0.005 + (${h} % 89) * 0.00004)`;

/** Runs `sql(from, to)` over [1, n] in `parts` ranges on separate connections (two cores: two at once). */
async function split(pool: pg.Pool, n: number, parts: number, sql: (from: number, to: number) => string) {
  const size = Math.ceil(n / parts);
  await Promise.all(
    Array.from({ length: parts }, (_, i) => pool.query(sql(i * size + 1, Math.min(n, (i + 1) * size)))),
  );
}

/** 70 % residents, 20 % houses, 5 % legal entities, 5 % components (the split bench/basedata uses). */
export async function seedBase(pool: pg.Pool, total: number) {
  const residents = Math.round(total * 0.7),
    houses = Math.round(total * 0.2),
    entities = Math.round(total * 0.05),
    components = total - residents - houses - entities;
  await split(
    pool,
    residents,
    2,
    (
      a,
      b,
    ) => `insert into people_residents (house_node_id, scope_path, name, gender, birth_date, id_kind, id_cipher, id_hash, id_tail, residence_type, care_tags, moved_out_on, address, search_tokens)
    select 100000 + g % ${houses}, ${gridPath('g')} || (100000 + g % ${houses}) || '/', '居民' || g, case when g % 2 = 0 then '男' else '女' end, date '1950-01-01' + (g % 25000),
      'id', 'x', 'h' || g, lpad((g % 10000)::text, 4, '0'), 'registered', case when g % 30 = 0 then '{独居老人}'::text[] else '{}'::text[] end,
      case when g % 50 = 0 then date '2024-06-01' end, '地址', '{}' from generate_series(${a}, ${b}) g`,
  );
  await pool.query(`insert into people_houses (house_node_id, scope_path, use, address, search_tokens)
    select 100000 + g, ${gridPath('g')} || (100000 + g) || '/', '住宅', '地址', '{}' from generate_series(0, ${houses - 1}) g`);
  await pool.query(`insert into people_entities (credit_code, name, type, grid_node_id, scope_path, search_tokens)
    select 'E' || g, '单位' || g, '企业', ${grid('g')}, ${gridPath('g')}, '{}' from generate_series(1, ${entities}) g`);
  await pool.query(`insert into people_components (component_code, major, minor, name, lng, lat, state, grid_node_id, scope_path)
    select 'C' || g, '公用设施', '井盖', '井盖', ${lng('g', 'g / 7')}, ${lat('g', 'g / 11')}, 'normal', ${grid('g')}, ${gridPath('g')} from generate_series(1, ${components}) g`);
  // Party members (3 % of residents) living in the grid's houses, with points in the last six months.
  const members = Math.round(residents * 0.03);
  await pool.query(`insert into party_members (name, branch_org_id, branch_path, home_community_id, home_node_id, home_path)
    select '党员' || g, ${grid('g')}, ${gridPath('g')}, 101 + (g % ${GRIDS}) / 10, 100000 + g * 7 % ${houses}, ${gridPath('g')} || (100000 + g * 7 % ${houses}) || '/' from generate_series(1, ${members}) g`);
  await pool.query(`insert into party_points (member_id, branch_org_id, community_id, source_kind, source_id, item, points, occurred_at)
    select m.id, m.branch_org_id, m.home_community_id, 'activity', m.id || '-' || k, '志愿服务', 1 + (m.id + k) % 5, now() - (k * 13 % 180) * interval '1 day'
    from party_members m cross join generate_series(1, 12) k`);
  return { residents, houses, entities, components, members };
}

/**
 * Two years of cases, most closed and rated. Open ones are the recent ones — a fifth of the last
 * 30 days' — plus 1 in 2003 of the older ones (stuck): about 0.9 % open, most of them past due.
 * (Keeping 5 % of every case ever reported open would mean 250,000 overdue cases in a district.)
 */
export async function seedCases(pool: pg.Pool, n: number) {
  await split(
    pool,
    n,
    2,
    (
      a,
      b,
    ) => `insert into cases (case_no, title, description, source, state, category_id, department_id, grid_id, community_id, street_id, scope_path, lng, lat, reported_at, closed_at, closed_on_time, score, due_at, updated_at)
    select 'B' || g, '案件', '描述', 'patrol', case when open then 'dispatched' when g % 3 = 0 then 'closed' else 'rated' end,
      1 + g % 12, case when g % 4 = 0 then null else 1 + g % 8 end, ${grid('g')}, 101 + (g % ${GRIDS}) / 10, 2 + (g % ${GRIDS}) / 100, ${gridPath('g')},
      ${lng('g', 'g / 1000')}, ${lat('g', 'g / 1000')},
      r, case when not open then r + interval '2 days' end, case when not open then g % 7 <> 0 end,
      case when not open and g % 3 <> 0 then 1 + g % 5 end, case when open then r + interval '5 days' end, least(r + interval '3 days', now() - interval '1 hour')
    from (select g, (g % 730 < 30 and (g / 730) % 5 = 0) or g % 2003 = 0 as open,
      now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute' as r from generate_series(${a}, ${b}) g) s`,
  );
}

/**
 * Drops the tables' secondary indexes (every one the migrations made, partial and expression
 * indexes included: their definitions are read back from pg_indexes), runs `load`, rebuilds them
 * two at a time with room to sort, and checks that each one is back. Returns the definitions.
 */
export async function withoutIndexes(pool: pg.Pool, tables: string[], load: () => Promise<void>): Promise<string[]> {
  const list = async () =>
    (
      await pool.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes i
    where tablename = any($1) and not exists (select 1 from pg_constraint c where c.conname = i.indexname) order by 1`,
        [tables],
      )
    ).rows;
  const rows = await list();
  for (const r of rows) await pool.query(`drop index "${r.name}"`);
  await load();
  const queue = [...rows];
  await Promise.all(
    [0, 1].map(async () => {
      const c = await pool.connect();
      try {
        await c.query(`set maintenance_work_mem = '512MB'`);
        for (let r = queue.shift(); r; r = queue.shift()) await c.query(r.def);
      } finally {
        c.release();
      }
    }),
  );
  const back = new Set((await list()).map((r) => r.def));
  const missing = rows.filter((r) => !back.has(r.def));
  if (missing.length) throw new Error(`indexes not rebuilt: ${missing.map((r) => r.name).join(', ')}`);
  await pool.query('vacuum analyze');
  return rows.map((r) => r.def);
}
