import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../../../../platform/db/tx.ts';
import { AppError } from '../../../../platform/errors.ts';
import { users } from '../../schema.ts';

/**
 * One phone, one live resident account: a phone already on a pending or verified resident account
 * (or one staff created) cannot claim another. Serialised per phone so two concurrent sign-ups
 * with the same number cannot both pass.
 */
export async function assertPhoneFree(tx: Tx, phone: string, exceptUserId: number | null): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`signup-phone:${phone}`}))`);
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.phone, phone),
        eq(users.role, 'resident'),
        isNull(users.disabledAt),
        or(isNull(users.verificationState), inArray(users.verificationState, ['pending', 'verified'])),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    )
    .limit(1);
  if (taken)
    throw new AppError('DUPLICATE', {
      message: '该手机号已注册居民账号',
      details: [{ path: 'phone', message: '该手机号已注册居民账号，请直接登录或联系社区' }],
    });
}
