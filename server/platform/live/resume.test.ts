import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/queue.ts';
import { publishLive } from './events.ts';
import { LIVE_PRUNE_JOB, livePruneHandler, livePrunePeriodic } from './prune-job.ts';
import { ensurePeriodicJob } from '../jobs/queue.ts';
import { openSse, type SseFrame } from './test-sse.ts';

const notes = (frames: SseFrame[]) =>
  frames.filter((f) => f.event === 'notification').map((f) => (f.data as { text: string }).text);

describe('GET /api/events resumes from Last-Event-ID', () => {
  let ctx: TestContext;
  let url: string;
  let session: Session;
  let userId: number;
  let otherId: number;
  const publish = (to: number, text: string) =>
    ctx.db.transaction((tx) => publishLive(tx, { topic: 'notification', userId: to, payload: { text } }));

  beforeAll(async () => {
    ctx = await createTestApp();
    url = `${await ctx.app.listen({ port: 0, host: '127.0.0.1' })}/api/events`;
    session = await loginAs(ctx.app, 'staff');
    const me = await ctx.app.inject({ url: '/api/me', headers: session.headers });
    userId = (me.json() as { data: { id: number } }).data.id;
    otherId = userId + 1;
  });
  const opened: { close(): void }[] = [];
  afterEach(() => {
    for (const sse of opened.splice(0)) sse.close();
  });
  afterAll(async () => {
    await ctx.close();
  });

  async function connectedAt(headers: Record<string, string> = {}) {
    const sse = await openSse(url, { cookie: session.cookie, ...headers });
    // Live from here: the stream has told its starting cursor (or sent what was missed).
    await sse.until((f) => f.some((x) => x.event === 'status') && f.some((x) => x.id));
    opened.push(sse);
    return sse;
  }

  it('sends exactly the missed events, then live ones, never one twice', async () => {
    const first = await connectedAt();
    await publish(userId, '一');
    const seen = await first.until((f) => notes(f).includes('一'));
    first.close();
    const lastId = seen.find((f) => f.event === 'notification')!.id!;
    expect(seen.find((f) => f.event === 'status')!.data).toEqual({ degraded: false });

    await publish(userId, '二');
    await publish(otherId, '别人的');
    await publish(userId, '三');
    const again = await connectedAt({ 'last-event-id': lastId });
    await again.until((f) => notes(f).length >= 2);
    await publish(userId, '四');
    await again.until((f) => notes(f).includes('四'));
    await new Promise((r) => setTimeout(r, 700)); // another poll or two: nothing may repeat
    expect(notes(again.frames)).toEqual(['二', '三', '四']);
    const ids = again.frames.filter((f) => f.id).map((f) => f.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again.frames.some((f) => f.event === 'reset')).toBe(false);
    again.close();
  });

  it('accepts the cursor as ?lastEventId= for a page that had to open a new connection', async () => {
    const first = await connectedAt();
    await publish(userId, '甲');
    const lastId = (await first.until((f) => notes(f).includes('甲'))).find((f) => f.event === 'notification')!.id!;
    first.close();
    await publish(userId, '乙');
    const again = await openSse(`${url}?lastEventId=${lastId}`, { cookie: session.cookie });
    await again.until((f) => notes(f).includes('乙'));
    expect(notes(again.frames)).toEqual(['乙']);
    again.close();
  });

  it.each([
    [
      'missed events older than ten minutes',
      async () => {
        await ctx.db.execute(
          sql`update live_events set at = now() - interval '11 minutes' where payload->>'text' = '旧'`,
        );
      },
    ],
    [
      'more than a thousand missed events',
      async () => {
        await ctx.db.execute(
          sql`insert into live_events (topic, scope_path) select 'case.changed', '/9/' from generate_series(1, 1001)`,
        );
      },
    ],
  ])('sends reset instead of replaying %s', async (_, age) => {
    // A second tab stays open, so the hub keeps reading and stands past everything below when
    // the first tab comes back (a hub that stopped would start afresh at the newest row anyway).
    const watcher = await connectedAt();
    const first = await connectedAt();
    await publish(userId, '基');
    const lastId = (await first.until((f) => notes(f).includes('基'))).find((f) => f.event === 'notification')!.id!;
    first.close();
    await publish(userId, '旧');
    await age();
    await publish(userId, '标记');
    await watcher.until((f) => notes(f).includes('标记'));
    const again = await connectedAt({ 'last-event-id': lastId });
    await again.until((f) => f.some((x) => x.event === 'reset'));
    await publish(userId, '新');
    await again.until((f) => notes(f).includes('新'));
    expect(notes(again.frames)).toEqual(['新']);
    expect(notes(watcher.frames)).toEqual(['基', '旧', '标记', '新']);
    again.close();
  });

  it('sends reset for a cursor this database never wrote (a restore, another deployment)', async () => {
    const sse = await connectedAt({ 'last-event-id': '999999999999-999999' });
    await sse.until((f) => f.some((x) => x.event === 'reset'));
    await publish(userId, '此后');
    await sse.until((f) => notes(f).includes('此后'));
    sse.close();
  });

  it('prunes outbox rows older than a day in the hourly job', async () => {
    await publish(userId, '很久以前');
    await ctx.db.execute(
      sql`update live_events set at = now() - interval '25 hours' where payload->>'text' = '很久以前'`,
    );
    await ensurePeriodicJob(ctx.db, livePrunePeriodic.kind, livePrunePeriodic.everySeconds);
    await runDueJobs(ctx.db, { [LIVE_PRUNE_JOB]: livePruneHandler });
    const left = await ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from live_events where payload->>'text' in ('很久以前', '一')`,
    );
    expect(left.rows[0]!.n).toBe(1);
  });
});
