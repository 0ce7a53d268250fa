import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';
import { loginFailures, users } from './schema.ts';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;

/**
 * Checks a username and password, throttling guesses per account and per address.
 * Failures are counted in the database so that every instance sees the same count.
 */
export async function verifyLogin(db: Db, username: string, password: string, ip: string) {
  const since = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const [counts] = await db.select({
    byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(Number),
    byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
  }).from(loginFailures).where(and(gt(loginFailures.at, since), or(eq(loginFailures.username, username), eq(loginFailures.ip, ip))));
  if ((counts?.byUser ?? 0) >= MAX_FAILURES_PER_USER || (counts?.byIp ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS');
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user && !user.disabledAt && (await verifyPassword(user.passwordHash, password));
  if (!ok) {
    await db.insert(loginFailures).values({ username, ip });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
  await recordAudit(db, null, { action: 'auth.login', targetType: 'user', targetId: user.id, summary: { username }, ip });
  return user;
}
