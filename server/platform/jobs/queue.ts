import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { jobs } from './schema.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface JobContext {
  db: Db;
  job: JobRow;
  /** Saves progress for the web app and extends the lease; call it at least once a lease period. */
  reportProgress(progress: Record<string, unknown>): Promise<void>;
}
export type JobHandler = (ctx: JobContext) => Promise<void>;

/** How long a claimed job is ours before another worker may assume we died. */
export const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 5;

/** Queues a one-off job; returns its id. Call inside the transaction whose commit should start it. */
export async function enqueueJob(
  db: Pick<Db, 'insert'>,
  kind: string,
  payload: Record<string, unknown>,
  options: { createdBy?: number | null; runAt?: Date } = {},
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, createdBy: options.createdBy ?? null, runAt: options.runAt ?? new Date() })
    .returning({ id: jobs.id });
  return row!.id;
}

/**
 * Ensures a periodic job exists (one row per kind, rescheduled after every run). A changed
 * interval (a release making a job more frequent) replaces the stored one; it applies from the next run.
 */
export async function ensurePeriodicJob(db: Db, kind: string, everySeconds: number): Promise<void> {
  await db
    .insert(jobs)
    .values({ kind, dedupeKey: kind, payload: { everySeconds } })
    .onConflictDoUpdate({
      target: jobs.dedupeKey,
      set: { payload: { everySeconds } },
      setWhere: sql`(${jobs.payload}->>'everySeconds')::numeric is distinct from ${everySeconds}`,
    });
}

/**
 * Claims the next due job. FOR UPDATE SKIP LOCKED lets any number of workers on any number of
 * instances poll the same table without taking the same job; a running job whose lease has
 * run out (its worker was killed) is due again.
 */
export async function claimJob(db: Db, kinds: string[]): Promise<JobRow | null> {
  if (!kinds.length) return null;
  const result = await db.execute<JobRow>(sql`
    update jobs set state = 'running', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    where id = (
      select id from jobs
      where kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
        and ((state = 'queued' and run_at <= now()) or (state = 'running' and lease_until < now()))
      order by run_at, id
      for update skip locked
      limit 1)
    returning id, kind, payload, dedupe_key as "dedupeKey", state, run_at as "runAt", lease_until as "leaseUntil",
      attempts, progress, last_error as "lastError", created_by as "createdBy", created_at as "createdAt", finished_at as "finishedAt"`);
  return result.rows[0] ?? null;
}

/** Runs one claimed job with its handler and records the outcome. */
export async function runJob(db: Db, job: JobRow, handler: JobHandler): Promise<'done' | 'retry' | 'failed'> {
  const ctx: JobContext = {
    db,
    job,
    async reportProgress(progress) {
      await db
        .update(jobs)
        .set({ progress, leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(eq(jobs.id, job.id));
    },
  };
  try {
    await handler(ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = job.attempts >= MAX_ATTEMPTS;
    await db
      .update(jobs)
      .set({
        state: final ? 'failed' : 'queued',
        lastError: message,
        leaseUntil: null,
        runAt: sql`now() + make_interval(secs => ${Math.min(300, 2 ** job.attempts)})`,
        finishedAt: final ? sql`now()` : null,
      })
      .where(eq(jobs.id, job.id));
    return final ? 'failed' : 'retry';
  }
  const every = job.dedupeKey ? Number(job.payload.everySeconds ?? 0) : 0;
  if (every > 0) {
    await db
      .update(jobs)
      .set({
        state: 'queued',
        attempts: 0,
        leaseUntil: null,
        lastError: null,
        runAt: sql`now() + make_interval(secs => ${every})`,
      })
      .where(eq(jobs.id, job.id));
  } else {
    await db
      .update(jobs)
      .set({ state: 'done', leaseUntil: null, finishedAt: sql`now()` })
      .where(eq(jobs.id, job.id));
  }
  return 'done';
}

/** Runs every job that is due now, one after another (tests and CLI use this for determinism). */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>): Promise<number> {
  let count = 0;
  for (let job = await claimJob(db, Object.keys(handlers)); job; job = await claimJob(db, Object.keys(handlers))) {
    await runJob(db, job, handlers[job.kind]!);
    count++;
  }
  return count;
}

/**
 * Polls for due jobs until stopped; several workers may run against one database. stop() claims
 * nothing more and resolves once the job in hand (if any) has finished and been recorded, so a
 * draining instance leaves no lease for another instance to wait out.
 */
export function startWorker(
  db: Db,
  handlers: Record<string, JobHandler>,
  options: { pollMs?: number; onError?: (e: unknown) => void } = {},
) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  const loop = async () => {
    try {
      for (
        let job = await claimJob(db, Object.keys(handlers));
        job;
        job = stopped ? null : await claimJob(db, Object.keys(handlers))
      ) {
        await runJob(db, job, handlers[job.kind]!);
      }
    } catch (error) {
      options.onError?.(error);
    }
  };
  const tick = () => {
    current = loop().finally(() => {
      current = null;
      if (!stopped) timer = setTimeout(tick, options.pollMs ?? 1000);
    });
  };
  tick();
  return {
    /** Whether a job (or a claim) is in progress right now. */
    get busy(): boolean {
      return current !== null;
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
