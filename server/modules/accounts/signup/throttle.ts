import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditLog } from '../schema.ts';

const WINDOW_MINUTES = 60;
const MAX_SIGNUPS_PER_IP = 5;

/**
 * Sign-ups per address are counted from their audit entries (written in the same transaction as
 * the account), so every instance behind the load balancer sees the same count.
 */
export async function throttleSignups(q: Queryable, ip: string): Promise<void> {
  const [row] = await q
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'auth.signup'),
        eq(auditLog.ip, ip),
        gt(auditLog.at, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`),
      ),
    );
  if ((row?.n ?? 0) >= MAX_SIGNUPS_PER_IP) {
    throw new AppError('AUTH_TOO_MANY_ATTEMPTS', { message: '该网络注册过于频繁，请 1 小时后再试' });
  }
}
