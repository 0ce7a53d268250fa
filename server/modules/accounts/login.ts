import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { recordAudit } from '../../platform/audit.ts';
import { loginFailures, users } from './schema.ts';
import { checkTotp } from './totp.ts';
import { assertLoginAllowed, isKnownDevice } from './login-throttle.ts';

export interface LoginAttempt {
  username: string;
  password: string;
  code?: string | undefined;
  ip: string;
  deviceCookie?: string | undefined;
}

/**
 * Checks a username and password (and the one-time code once TOTP is enabled), throttling
 * guesses per account and client, per client, and per account for unknown browsers
 * (login-throttle.ts). Failures — wrong passwords and wrong codes — are counted in the database
 * so that every instance sees the same count. A disabled account is told so
 * only when the password is right: a guesser learns nothing from it.
 */
export async function verifyLogin(db: Db, dataKey: string, attempt: LoginAttempt) {
  const { username, password, code, ip } = attempt;
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  await assertLoginAllowed(db, username, ip, isKnownDevice(dataKey, attempt.deviceCookie, user?.id));
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
  // Only this client's own failures are forgiven: others' guesses at the account keep counting.
  await db.delete(loginFailures).where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
  await recordAudit(db, null, {
    action: 'auth.login',
    targetType: 'user',
    targetId: user.id,
    summary: { username },
    ip,
  });
  return user;
}
