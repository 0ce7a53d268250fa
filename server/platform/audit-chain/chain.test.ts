import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { COMMANDS } from '../../cli/commands.ts';
import { createTestApp, loginAs, type TestContext } from '../../test/test-app.ts';
import { recordAudit } from '../audit.ts';
import { AUDIT_SEAL_JOB, auditModule } from '../../modules/audit/index.ts';
import { enqueueJob, runDueJobs } from '../jobs/queue.ts';
import { MAX_ROWS_PER_RUN, sealAuditChain, verifyAuditChain } from './index.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});
beforeEach(async () => {
  await ctx.pool.query(`truncate audit_log restart identity`);
  await ctx.pool.query(`delete from app_settings where key = 'audit.chain_head'`);
});

async function append(n: number, action = 'test.write'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, null, { action, targetType: 'test', targetId: i, summary: { i, note: `第 ${i} 条` } }),
    );
  }
}

/** Seals until nothing is pending: on the shared PostgreSQL another database's open transaction can hold xmin back a moment. */
async function sealAll(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await sealAuditChain(ctx.db, { wait: true });
    const { rows } = await ctx.pool.query<{ n: number }>(
      `select count(*)::int as n from audit_log where chain_seq is null`,
    );
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('审计记录未能全部封存');
}

/** What a DBA could do: switch the append-only trigger off, change history, switch it on again. */
async function tamper(statement: string): Promise<void> {
  await ctx.pool.query(`alter table audit_log disable trigger audit_log_append_only`);
  try {
    await ctx.pool.query(statement);
  } finally {
    await ctx.pool.query(`alter table audit_log enable trigger audit_log_append_only`);
  }
}

describe('audit hash chain', () => {
  it('seals appended rows into an intact chain', async () => {
    await append(12);
    await sealAll();
    const report = await verifyAuditChain(ctx.db);
    expect(report).toMatchObject({ intact: true, checked: 12, unsealed: 0, broken: null });
    expect(report.head?.seq).toBe(12);
    const { rows } = await ctx.pool.query(`select id, chain_seq from audit_log order by chain_seq`);
    expect(rows.map((r) => r.chain_seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('names the edited row when a summary is changed behind the trigger', async () => {
    await append(6);
    await sealAll();
    await tamper(`update audit_log set summary = '{"i": 3, "note": "改过"}' where id = 4`);
    const report = await verifyAuditChain(ctx.db);
    expect(report.intact).toBe(false);
    expect(report.broken).toMatchObject({ id: 4, seq: 4, problem: 'content_changed' });
    expect(report.checked).toBe(3);
  });

  it('names the row after a deleted one', async () => {
    await append(6);
    await sealAll();
    await tamper(`delete from audit_log where id = 3`);
    const report = await verifyAuditChain(ctx.db);
    expect(report.broken).toMatchObject({ id: 4, seq: 4, problem: 'seq_gap' });
    expect(report.broken?.message).toContain('第 3–3 条缺失');
  });

  it('notices rows cut off the end of the chain, and refuses to seal past the cut', async () => {
    await append(5);
    await sealAll();
    await tamper(`delete from audit_log where id >= 4`);
    await append(1);
    const report = await verifyAuditChain(ctx.db);
    expect(report.broken).toMatchObject({ id: null, seq: 4, problem: 'tail_missing' });
    expect(report.unsealed).toBe(1);
  });

  it('notices a chain re-hashed by hand against the recorded head', async () => {
    await append(3);
    await sealAll();
    await tamper(`update audit_log set row_hash = repeat('a', 64) where id = 3`);
    expect((await verifyAuditChain(ctx.db)).broken).toMatchObject({ id: 3, problem: 'content_changed' });
  });

  it.each([
    ['an ordinary update', `update audit_log set summary = '{}' where id = 1`],
    ['a delete', `delete from audit_log where id = 1`],
    [
      're-sealing a sealed row',
      `update audit_log set chain_seq = 99, prev_hash = 'x', row_hash = 'y', sealed_at = now() where id = 1`,
    ],
  ])('the trigger still refuses %s', async (_name, statement) => {
    await append(1);
    await sealAll();
    await expect(ctx.pool.query(statement)).rejects.toThrow(/append-only/);
  });

  it('the trigger refuses a seal that also changes content', async () => {
    await append(1);
    await expect(
      ctx.pool.query(
        `update audit_log set chain_seq = 1, prev_hash = 'x', row_hash = 'y', sealed_at = now(), action = 'other' where id = 1`,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('chains rows in transaction order, not id order', async () => {
    // A later transaction takes the higher xid but the lower id (ids are handed out before commit).
    await ctx.db.transaction((tx) => recordAudit(tx, null, { action: 'first.tx', targetType: 'test', targetId: null }));
    await ctx.pool.query(`insert into audit_log (id, action, target_type) values (1000, 'second.tx', 'test')`);
    await ctx.pool.query(`insert into audit_log (id, action, target_type) values (500, 'third.tx', 'test')`);
    await sealAll();
    const { rows } = await ctx.pool.query(`select action from audit_log order by chain_seq`);
    expect(rows.map((r) => r.action)).toEqual(['first.tx', 'second.tx', 'third.tx']);
    expect((await verifyAuditChain(ctx.db)).intact).toBe(true);
  });

  it.runIf(inject('databaseKind') === 'postgres')(
    'leaves rows of running transactions unsealed and chains writers that commit in reverse id order',
    async () => {
      const early = await ctx.pool.connect();
      const late = await ctx.pool.connect();
      try {
        await early.query('begin');
        await early.query(`insert into audit_log (action, target_type) values ('early', 'test')`); // lower id and xid
        await late.query('begin');
        await late.query(`insert into audit_log (action, target_type) values ('late', 'test')`);
        await late.query('commit');
        await sealAuditChain(ctx.db, { wait: true });
        // 'late' is committed, but 'early' could still commit before it in the chain: nothing is sealed yet.
        const pending = await ctx.pool.query(`select action from audit_log where chain_seq is null`);
        expect(pending.rows.map((r) => r.action)).toEqual(['late']);
        await early.query('commit');
      } finally {
        early.release();
        late.release();
      }
      await sealAll();
      const { rows } = await ctx.pool.query(`select action, id from audit_log order by chain_seq`);
      expect(rows.map((r) => r.action)).toEqual(['early', 'late']);
      expect(await verifyAuditChain(ctx.db)).toMatchObject({ intact: true, checked: 2 });
    },
  );
});

describe('audit-verify command and GET /api/audit/chain', () => {
  async function runCli(): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const [log, error] = [console.log, console.error];
    console.log = console.error = (...args: unknown[]) => {
      lines.push(args.join(' '));
    };
    try {
      const code = await COMMANDS['audit-verify']!.run({ config: ctx.deps.config, db: ctx.db }, []);
      return { code, out: lines.join('\n') };
    } finally {
      [console.log, console.error] = [log, error];
    }
  }

  it('prints intact and exits 0, then names the broken row and exits 1', async () => {
    await append(4);
    await sealAll();
    expect(await runCli()).toMatchObject({ code: 0, out: expect.stringContaining('审计链完整（已校验 4 条') });
    await tamper(`update audit_log set target_id = '99' where id = 2`);
    const broken = await runCli();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('id=2 seq=2 (content_changed)');
  });

  it.each([
    ['admin', 200],
    ['street', 200],
    ['secretary', 200],
    ['staff', 403],
    ['gridworker', 403],
    ['resident', 403],
  ])('%s gets %i', async (username, status) => {
    const session = await loginAs(ctx.app, username);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit/chain', headers: session.headers });
    expect(res.statusCode).toBe(status);
    // The login's own audit row may still wait for the sealer while another transaction runs (shared PostgreSQL).
    if (status === 200) expect(res.json().data).toMatchObject({ intact: true, broken: null });
  });

  it('reports the first broken row to an admin', async () => {
    const session = await loginAs(ctx.app, 'admin');
    await append(3);
    await sealAll();
    await tamper(`update audit_log set actor_role = 'district_admin' where id = 1`);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit/chain', headers: session.headers });
    expect(res.json().data).toMatchObject({ intact: false, broken: { id: 1, seq: 1, problem: 'content_changed' } });
  });
});

describe('the audit.seal job', () => {
  const handlers = () => {
    const all = auditModule.jobs!(ctx.deps);
    return { [AUDIT_SEAL_JOB]: all[AUDIT_SEAL_JOB]! };
  };
  const unsealed = async () =>
    (await ctx.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where chain_seq is null`)).rows[0]!
      .n;

  it(`seals at most ${MAX_ROWS_PER_RUN.toLocaleString('en')} rows per run and continues with the rest on the next run`, async () => {
    // A backlog after an outage: more rows than one run may seal, all in one old transaction.
    await ctx.pool.query(`insert into audit_log (action, target_type, target_id, summary)
      select 'bulk.write', 'test', g::text, jsonb_build_object('i', g) from generate_series(1, ${MAX_ROWS_PER_RUN + 3}) g`);
    await ctx.pool.query(`delete from jobs where kind = $1`, [AUDIT_SEAL_JOB]);

    await enqueueJob(ctx.db, AUDIT_SEAL_JOB, {});
    expect(await runDueJobs(ctx.db, handlers())).toBe(1);
    expect(await unsealed()).toBe(3);
    const first = await ctx.pool.query(`select progress from jobs where kind = $1`, [AUDIT_SEAL_JOB]);
    expect(first.rows[0].progress).toEqual({ sealed: MAX_ROWS_PER_RUN });

    await ctx.pool.query(`delete from jobs where kind = $1`, [AUDIT_SEAL_JOB]);
    await enqueueJob(ctx.db, AUDIT_SEAL_JOB, {});
    expect(await runDueJobs(ctx.db, handlers())).toBe(1);
    expect(await unsealed()).toBe(0);
    const report = await verifyAuditChain(ctx.db);
    expect(report).toMatchObject({ intact: true, checked: MAX_ROWS_PER_RUN + 3, broken: null });
  }, 300_000);
});
