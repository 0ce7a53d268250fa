import crypto from 'node:crypto';
import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { AppError } from '../../platform/errors.ts';
import { loginFailures } from './schema.ts';

const WINDOW_MINUTES = 15;
/**
 * Failures allowed before a wait, per dimension. One client guessing one account waits after 5;
 * one client spraying many accounts after 20; many clients on one account after 50 — and that last
 * wait never applies to a browser the owner has signed in from before (its device cookie), so an
 * attacker can slow guessing down but cannot lock the real owner out.
 */
export const FREE_FAILURES = { accountAndClient: 5, client: 20, account: 50 } as const;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;

/** The wait after n failures in the window: 30 s, doubling with each further failure, at most 15 min. */
export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - free), MAX_WAIT_SECONDS);
}

export const DEVICE_COOKIE = 'gh_device';

const mac = (dataKey: string, userId: number, nonce: string) =>
  crypto.createHmac('sha256', dataKey).update(`known-device:${userId}:${nonce}`).digest('base64url');

/** A cookie naming this browser as one the account's owner signed in from (no server state). */
export function deviceToken(dataKey: string, userId: number): string {
  const nonce = crypto.randomBytes(12).toString('base64url');
  return `${userId}.${nonce}.${mac(dataKey, userId, nonce)}`;
}

export function isKnownDevice(dataKey: string, token: string | undefined, userId: number | undefined): boolean {
  if (!token || userId === undefined) return false;
  const [id, nonce, given] = token.split('.');
  if (Number(id) !== userId || !nonce || !given) return false;
  const expected = Buffer.from(mac(dataKey, userId, nonce));
  const actual = Buffer.from(given);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/**
 * Refuses the attempt with 429 (and how long to wait) while any dimension's backoff runs.
 * Counted in PostgreSQL, so every instance behind the load balancer sees the same failures.
 */
export async function assertLoginAllowed(db: Db, username: string, ip: string, knownDevice: boolean): Promise<void> {
  const since = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const pair = sql`${loginFailures.username} = ${username} and ${loginFailures.ip} = ${ip}`;
  const [row] = await db
    .select({
      pair: sql<number>`count(*) filter (where ${pair})`.mapWith(Number),
      pairAge: sql<number>`extract(epoch from now() - max(${loginFailures.at}) filter (where ${pair}))`.mapWith(Number),
      client: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
      clientAge:
        sql<number>`extract(epoch from now() - max(${loginFailures.at}) filter (where ${loginFailures.ip} = ${ip}))`.mapWith(
          Number,
        ),
      account: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(Number),
      accountAge:
        sql<number>`extract(epoch from now() - max(${loginFailures.at}) filter (where ${loginFailures.username} = ${username}))`.mapWith(
          Number,
        ),
    })
    .from(loginFailures)
    .where(and(gt(loginFailures.at, since), or(eq(loginFailures.username, username), eq(loginFailures.ip, ip))));
  const remaining = (count: number, age: number, free: number) => Math.ceil(backoffSeconds(count, free) - (age || 0));
  const wait = Math.max(
    remaining(row?.pair ?? 0, row?.pairAge ?? 0, FREE_FAILURES.accountAndClient),
    remaining(row?.client ?? 0, row?.clientAge ?? 0, FREE_FAILURES.client),
    knownDevice ? 0 : remaining(row?.account ?? 0, row?.accountAge ?? 0, FREE_FAILURES.account),
  );
  if (wait > 0) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS', {
      message: `登录失败次数过多，请 ${wait >= 60 ? `${Math.ceil(wait / 60)} 分钟` : `${wait} 秒`}后再试`,
      details: [{ path: 'retryAfter', message: String(wait) }],
    });
  }
}
