import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { claimJob, enqueueJob, ensurePeriodicJob, runDueJobs, runJob } from './queue.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('job queue', () => {
  it('hands each job to exactly one of two workers polling at once', async () => {
    for (let i = 0; i < 6; i++) await enqueueJob(ctx.db, 'test.once', { i });
    const claimed = await Promise.all([claimJob(ctx.db, ['test.once']), claimJob(ctx.db, ['test.once'])]);
    expect(claimed[0]!.id).not.toBe(claimed[1]!.id);
    const seen: number[] = [];
    await runDueJobs(ctx.db, {
      'test.once': async ({ job }) => {
        seen.push(Number(job.payload.i));
      },
    });
    expect(seen).toHaveLength(4); // the two claimed above are running, not due
  });

  it('gives a job whose worker died to another worker once the lease runs out', async () => {
    const id = await enqueueJob(ctx.db, 'test.crash', {});
    const first = await claimJob(ctx.db, ['test.crash']);
    expect(first!.id).toBe(id);
    expect(await claimJob(ctx.db, ['test.crash'])).toBeNull();
    await ctx.pool.query(`update jobs set lease_until = now() - interval '1 second' where id = $1`, [id]);
    const again = await claimJob(ctx.db, ['test.crash']);
    expect(again).toMatchObject({ id, attempts: 2 });
  });

  it('retries a failing job later and keeps the error message', async () => {
    const id = await enqueueJob(ctx.db, 'test.fail', {});
    const job = await claimJob(ctx.db, ['test.fail']);
    expect(
      await runJob(ctx.db, job!, async () => {
        throw new Error('磁盘已满');
      }),
    ).toBe('retry');
    const { rows } = await ctx.pool.query(`select state, last_error, run_at > now() as later from jobs where id = $1`, [
      id,
    ]);
    expect(rows[0]).toEqual({ state: 'queued', last_error: '磁盘已满', later: true });
  });

  it('reschedules a periodic job after each run instead of finishing it', async () => {
    await ensurePeriodicJob(ctx.db, 'test.sweep', 60);
    await ensurePeriodicJob(ctx.db, 'test.sweep', 60);
    let runs = 0;
    await runDueJobs(ctx.db, {
      'test.sweep': async () => {
        runs++;
      },
    });
    const { rows } = await ctx.pool.query(
      `select state, run_at > now() + interval '50 seconds' as next from jobs where kind = 'test.sweep'`,
    );
    expect(runs).toBe(1);
    expect(rows).toEqual([{ state: 'queued', next: true }]);
  });
});
