import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sql } from 'drizzle-orm';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { importJobs } from './import/run-import.ts';
import { countRows, csvOf, houseCodesUnder, person, upload } from './testing/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

// Large enough that the worker cannot finish between two polls of its checkpoint on a fast machine.
const ROWS = 9_000;
const BATCH = 50;
/** Every 7th row carries a wrong check digit. */
const isBad = (i: number) => i % 7 === 0;

async function importState(id: number) {
  const r = await ctx.db.execute<{ state: string; checkpoint_row: number; ok_rows: number; error_rows: number }>(
    sql`select state, checkpoint_row, ok_rows, error_rows from people_imports where id = ${id}`,
  );
  return r.rows[0]!;
}

describe('import job killed with SIGKILL mid-file', () => {
  it('keeps exactly the committed batches and finishes from the checkpoint on restart', async () => {
    const s = await loginAs(ctx.app, 'secretary');
    const houses = await houseCodesUnder(ctx.db, ctx.seed.tree.streets[0]!.communities[0]!.path, 40);
    const rows = [['姓名', '身份证号', '房屋编码', '人口类型']];
    for (let i = 1; i <= ROWS; i++) {
      const id = makeId(i);
      rows.push([
        `居民${i}`,
        isBad(i) ? id.slice(0, 17) + (id[17] === '1' ? '2' : '1') : id,
        houses[i % houses.length]!.code,
        '户籍',
      ]);
    }
    const up = (await upload(ctx.app, s, 'residents', '大文件.csv', csvOf(rows))).json().data;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/people/imports/${up.id}/start`,
      headers: s.headers,
      payload: { mapping: up.mapping },
    });

    const worker = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./import/worker-cli.ts', import.meta.url)),
        inject('databaseUrl'),
        String(BATCH),
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      worker.on('exit', (_code, signal) => resolve(signal)),
    );
    for (let i = 0; i < 600; i++) {
      if ((await importState(up.id)).checkpoint_row >= 10 * BATCH) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    worker.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const killed = await importState(up.id);
    expect(killed.state).toBe('running');
    expect(killed.checkpoint_row).toBeLessThan(ROWS + 1);
    // Consistency at the moment of the kill: every committed row is either written or reported,
    // nothing beyond the checkpoint exists, and no half-written resident (all columns present).
    const committed = killed.checkpoint_row - 1;
    const badCommitted = Array.from({ length: committed }, (_, k) => k + 1).filter(isBad).length;
    expect(killed.ok_rows).toBe(committed - badCommitted);
    expect(killed.error_rows).toBe(badCommitted);
    expect(await countRows(ctx.db, 'people_residents')).toBe(committed - badCommitted);
    expect(await countRows(ctx.db, 'people_import_errors')).toBe(badCommitted);

    // The worker's lease would run out after LEASE_SECONDS; let it expire now instead of waiting.
    await ctx.db.execute(
      sql`update jobs set lease_until = now() - interval '1 second' where id = (select job_id from people_imports where id = ${up.id})`,
    );
    expect(await runDueJobs(ctx.db, importJobs(ctx.deps, { batchRows: BATCH }))).toBe(1);

    const bad = Array.from({ length: ROWS }, (_, k) => k + 1).filter(isBad).length;
    expect(await importState(up.id)).toEqual({
      state: 'done',
      checkpoint_row: ROWS + 1,
      ok_rows: ROWS - bad,
      error_rows: bad,
    });
    expect(await countRows(ctx.db, 'people_residents')).toBe(ROWS - bad);
    expect(await countRows(ctx.db, 'people_import_errors')).toBe(bad);
    expect(await countRows(ctx.db, 'people_residence_history')).toBe(ROWS - bad);
  });
});

/** ROWS distinct valid numbers (the pattern repeats after 10,500): vary birth date and sequence. */
function makeId(i: number): string {
  return person(i, i % 2 ? 'male' : 'female', 1940 + (i % 70));
}
