import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { enqueueNoticeDeliveries } from './enqueue.ts';
import { quietHoursRelease } from './quiet-hours.ts';
import { notifyChoices, notifyDeliveries, notifySettings } from './schema.ts';

const night = { quietEnabled: true, quietStart: '22:00', quietEnd: '07:00' };
const shanghai = (iso: string) => new Date(`${iso}+08:00`);

describe('quiet hours (Asia/Shanghai)', () => {
  it('defers inside a window that crosses midnight until its end, whatever the server zone', () => {
    expect(quietHoursRelease(night, shanghai('2026-03-02T23:15:30'))).toEqual(shanghai('2026-03-03T07:00:00'));
    expect(quietHoursRelease(night, shanghai('2026-03-03T06:59:00'))).toEqual(shanghai('2026-03-03T07:00:00'));
    expect(quietHoursRelease(night, shanghai('2026-03-02T22:00:00'))).toEqual(shanghai('2026-03-03T07:00:00'));
    expect(quietHoursRelease(night, shanghai('2026-03-03T07:00:00'))).toBeNull();
    expect(quietHoursRelease(night, shanghai('2026-03-02T12:00:00'))).toBeNull();
  });
  it('handles a daytime window and a switched-off one', () => {
    const nap = { quietEnabled: true, quietStart: '12:00', quietEnd: '14:30' };
    expect(quietHoursRelease(nap, shanghai('2026-03-02T13:00:00'))).toEqual(shanghai('2026-03-02T14:30:00'));
    expect(quietHoursRelease(nap, shanghai('2026-03-02T23:00:00'))).toBeNull();
    expect(quietHoursRelease({ ...nap, quietEnabled: false }, shanghai('2026-03-02T13:00:00'))).toBeNull();
  });
});

describe('deferral of queued deliveries', () => {
  let ctx: TestContext;
  let userId: number;
  beforeAll(async () => {
    ctx = await createTestApp();
    userId = (await ctx.pool.query(`select id from users where username = 'secretary'`)).rows[0].id;
    await ctx.db.insert(notifySettings).values({ userId, email: 'li@example.cn', ...night });
    await ctx.db.insert(notifyChoices).values([
      { userId, topic: 'task', channel: 'email' },
      { userId, topic: 'deadline', channel: 'email' },
    ]);
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('holds a routine notice until 07:00 but sends the red-deadline 督办 at once', async () => {
    const at = shanghai('2026-03-02T23:40:00');
    await withTx(ctx.db, (tx) =>
      enqueueNoticeDeliveries(
        tx,
        [
          { userId, kind: 'case.to_close', text: '已核查通过，待结案' },
          { userId, kind: 'case.supervise', text: '督办：已超时，请督促办理' },
        ],
        at,
      ),
    );
    const rows = await ctx.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.userId, userId));
    const routine = rows.find((r) => r.kind === 'case.to_close')!;
    const urgent = rows.find((r) => r.kind === 'case.supervise')!;
    expect(routine).toMatchObject({
      status: 'deferred',
      urgent: false,
      nextAttemptAt: shanghai('2026-03-03T07:00:00'),
    });
    expect(urgent).toMatchObject({ status: 'queued', urgent: true, nextAttemptAt: at });
    // The job that sends each one is due at the same moment (the queue only claims due jobs).
    const { rows: jobs } = await ctx.pool.query(
      `select (payload->>'deliveryId')::int as id, run_at from jobs where kind = 'notify.deliver' order by id`,
    );
    expect(jobs.find((j) => j.id === routine.id).run_at).toEqual(shanghai('2026-03-03T07:00:00'));
    expect(jobs.find((j) => j.id === urgent.id).run_at).toEqual(at);
  });
});
