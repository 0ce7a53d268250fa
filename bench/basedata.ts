/**
 * Base-data figures at district scale: `npm run bench:basedata -- [total] [--keep]`
 * (default 2,000,000 records = 70 % residents, 20 % houses, 5 % legal entities, 5 % components),
 * against PostgreSQL at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) in a
 * fresh database gridhive_bench_<pid> that is dropped afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import * as schema from '../server/db/schema.ts';
import { pg } from '../server/platform/db/pg-types.ts';
import { readConfig } from '../server/platform/config.ts';
import { createDeps } from '../server/deps.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { createPiiCodec } from '../server/modules/people/pii.ts';
import { residentFilter, residentPage } from '../server/modules/people/queries/residents.ts';
import { residentSearch } from '../server/modules/people/queries/search.ts';
import { residents } from '../server/modules/people/schema.ts';
import { DEFAULT_BATCH_ROWS } from '../server/modules/people/import/run-import.ts';
import { writeTree } from './basedata/tree.ts';
import { benchName, rng, writeComponents, writeEntities, writeHouses, writeResidents } from './basedata/files.ts';
import { ADMIN, copySameRows, importFile } from './basedata/run.ts';
import { fmt, percentile, timed } from './basedata/measure.ts';
import { spawnSync } from 'node:child_process';

const total = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2_000_000);
const keep = process.argv.includes('--keep');
const counts = {
  residents: Math.round(total * 0.7),
  houses: Math.round(total * 0.2),
  entities: Math.round(total * 0.05),
  components: Math.round(total * 0.05),
};
const BATCH = DEFAULT_BATCH_ROWS;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `gridhive_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-basedata-'));
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

try {
  await runMigrations(pool);
  const db = drizzle(pool, { schema });
  const deps = createDeps({ ...readConfig({}), dataDir: dir }, db);
  console.log(
    `基础数据压测：共 ${fmt(total)} 条（人口 ${fmt(counts.residents)}，房屋 ${fmt(counts.houses)}，法人 ${fmt(counts.entities)}，部件 ${fmt(counts.components)}），577 个网格，PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}`,
  );
  const tree = await writeTree(pool, counts.houses);
  const files = {
    residents: `${dir}/residents.csv`,
    houses: `${dir}/houses.csv`,
    entities: `${dir}/entities.csv`,
    components: `${dir}/components.csv`,
  };
  await Promise.all([
    writeResidents(files.residents, counts.residents, tree),
    writeHouses(files.houses, tree),
    writeEntities(files.entities, counts.entities, tree),
    writeComponents(files.components, counts.components),
  ]);

  let importedRows = 0,
    importMs = 0;
  for (const kind of ['houses', 'entities', 'components', 'residents'] as const) {
    const r = await importFile(deps, db, kind, files[kind], BATCH);
    importedRows += r.ok + r.errors;
    importMs += r.ms;
    line(
      `导入 ${kind}（真实导入路径，每批 ${BATCH} 行）`,
      `${fmt(r.ok)} 行写入，${fmt(r.errors)} 行报错，${fmt(r.ms / 1000, 1)} s，${fmt((r.ok + r.errors) / (r.ms / 1000))} 行/s`,
    );
    if (kind === 'residents') {
      const copy = await copySameRows(pool, `${dir}/residents.copy`);
      const importRate = (r.ok + r.errors) / (r.ms / 1000),
        copyRate = copy.rows / (copy.ms / 1000);
      line(
        'COPY 同样的人口行（同表结构与索引）',
        `${fmt(copy.rows)} 行，${fmt(copy.ms / 1000, 1)} s，${fmt(copyRate)} 行/s`,
      );
      line('人口导入 / COPY 速率比（目标 ≥ 0.3）', fmt(importRate / copyRate, 2));
      line(
        'COPY 同样的行（仅主键与身份证哈希唯一键）',
        `${fmt(copy.keysOnly.ms / 1000, 1)} s，${fmt(copy.keysOnly.rows / (copy.keysOnly.ms / 1000))} 行/s：任何可幂等重导的导入在本机的上限`,
      );
    }
  }
  line(
    '全部导入',
    `${fmt(importedRows)} 行，${fmt(importMs / 1000, 1)} s，${fmt(importedRows / (importMs / 1000))} 行/s（目标 ≥ 50,000）`,
  );
  await pool.query('vacuum analyze');

  const codec = createPiiCodec(deps.config.dataKey);
  const r = rng(9);
  const actors = [
    ADMIN,
    { ...ADMIN, role: 'community_secretary' as const, scopePath: tree.communityPaths[7]! },
    { ...ADMIN, role: 'grid_worker' as const, scopePath: tree.gridPaths[100]! },
  ];
  // 30 warm-up pages (plan cache, buffer cache, JIT) before the 300 measured ones.
  for (let i = 0; i < 30; i++) await residentPage(db, actors[i % 3]!, codec, { page: 1, pageSize: 50 });
  const listMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const actor = actors[i % 3]!;
    listMs.push(
      (
        await timed(() =>
          residentPage(db, actor, codec, {
            page: 1 + Math.floor(r() * 5),
            pageSize: 50,
            ...(i % 6 === 0 ? { residenceType: '流动' as const } : {}),
          }),
        )
      ).ms,
    );
  }
  line(
    '列表页 p95（300 次，区/社区/网格，目标 ≤ 30 ms）',
    `${fmt(percentile(listMs, 95), 1)} ms（p50 ${fmt(percentile(listMs, 50), 1)} ms）`,
  );
  const searchMs: number[] = [];
  for (let i = 0; i < 300; i++) {
    const term = benchName(r).slice(0, 2);
    searchMs.push((await timed(() => residentPage(db, actors[i % 3]!, codec, { page: 1, pageSize: 50, q: term }))).ms);
  }
  line(
    '两字检索 p95（300 次，如“王芳”，目标 ≤ 100 ms）',
    `${fmt(percentile(searchMs, 95), 1)} ms（p50 ${fmt(percentile(searchMs, 50), 1)} ms）`,
  );
  const cols = {
    tokens: residents.searchTokens,
    name: residents.name,
    address: residents.address,
    idHash: residents.idHash,
    phoneHash: residents.phoneHash,
    idTail: residents.idTail,
    phoneTail: residents.phoneTail,
  };
  const plan = await db.execute<{ 'QUERY PLAN': string }>(
    sql`explain select id from ${residents} where ${residentSearch(cols, codec, '王芳')} order by id desc limit 50`,
  );
  console.log(`两字检索执行计划（王芳）：\n${plan.rows.map((p) => `    ${p['QUERY PLAN']}`).join('\n')}`);

  const gridWhere = await residentFilter(db, actors[2]!, codec, {});
  const listPlan = await db.execute<{ 'QUERY PLAN': string }>(
    sql`explain select id from ${residents} where ${gridWhere} order by ${residents.scopePath} using ~<~, ${residents.id} limit 50`,
  );
  console.log(`网格员列表页执行计划：\n${listPlan.rows.map((p) => `    ${p['QUERY PLAN']}`).join('\n')}`);

  const exportRows = Math.min(1_000_000, counts.residents);
  // Default heap: V8 collects lazily, so RSS shows garbage too; with the old space capped at 96 MB the
  // same export must still finish, which shows its live memory does not grow with the row count.
  for (const [format, heapMb] of [
    ['xlsx', 0],
    ['xlsx', 96],
    ['csv', 96],
  ] as const) {
    const out = `${dir}/export.${format}`;
    const flags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
    const child = spawnSync(
      process.execPath,
      [...flags, '--import', 'tsx', 'bench/basedata/export-child.ts', url.toString(), format, String(exportRows), out],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(`导出子进程失败：${child.stderr}`);
    const m = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; peakMb: number; baselineMb: number };
    line(
      `导出 ${fmt(exportRows)} 行 .${format}（脱敏，独立进程${heapMb ? `，堆上限 ${heapMb} MB` : ''}）`,
      `${fmt(m.ms / 1000, 1)} s，文件 ${fmt(fs.statSync(out).size / 2 ** 20)} MB，峰值 RSS ${fmt(m.peakMb)} MB（基线 ${fmt(m.baselineMb)} MB，目标 ≤ 300 MB）`,
    );
  }
  deps.liveHub.close();
} finally {
  await pool.end();
  if (!keep) await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
}
