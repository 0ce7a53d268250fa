import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';
import { loginFailures, users } from './schema.ts';
import { checkTotp } from './totp.ts';

const WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;

export interface LoginAttempt { username: string; password: string; code?: string | undefined; ip: string }

/**
 * Checks a username and password (and the one-time code once TOTP is enabled), throttling
 * guesses per account and per address. Failures — wrong passwords and wrong codes — are counted
 * in the database so that every instance sees the same count. A disabled account is told so
 * only when the password is right: a guesser learns nothing from it.
 */
export async function verifyLogin(db: Db, dataKey: string, attempt: LoginAttempt) {
  const { username, password, code, ip } = attempt;
  const since = sql`now() - make_interval(mins => ${WINDOW_MINUTES})`;
  const [counts] = await db.select({
    byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(Number),
    byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`.mapWith(Number),
  }).from(loginFailures).where(and(gt(loginFailures.at, since), or(eq(loginFailures.username, username), eq(loginFailures.ip, ip))));
  if ((counts?.byUser ?? 0) >= MAX_FAILURES_PER_USER || (counts?.byIp ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS');
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const ok = user && (await verifyPassword(user.passwordHash, password));
  if (!ok) {
    await db.insert(loginFailures).values({ username, ip });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabledAt) throw new AppError('AUTH_ACCOUNT_DISABLED');
  if (user.totpEnabledAt && user.totpSecret) {
    if (!code) throw new AppError('AUTH_TOTP_REQUIRED', { details: [{ path: 'code', message: '请输入动态口令' }] });
    if (!checkTotp(dataKey, user.totpSecret, user.username, code)) {
      await db.insert(loginFailures).values({ username, ip });
      throw new AppError('AUTH_TOTP_INVALID', { details: [{ path: 'code', message: '动态口令错误或已过期' }] });
    }
  }
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
  await recordAudit(db, null, { action: 'auth.login', targetType: 'user', targetId: user.id, summary: { username }, ip });
  return user;
}
