import { eq } from 'drizzle-orm';
import type { SignupBody } from '../../../../../contracts/signup.ts';
import { recordAudit } from '../../../../platform/audit.ts';
import { hashPassword } from '../../../../platform/auth/passwords.ts';
import { judgePassword } from '../../../../platform/auth/password-strength.ts';
import type { Db } from '../../../../platform/db/open.ts';
import { withTx } from '../../../../platform/db/tx.ts';
import { AppError } from '../../../../platform/errors.ts';
import { publishLive } from '../../../../platform/live/events.ts';
import { users } from '../../schema.ts';
import { loadHouse } from '../house.ts';
import { throttleSignups } from '../throttle.ts';
import { assertPhoneFree } from './claim-checks.ts';

/**
 * A resident registers themself: a resident account scoped to their house, waiting for community
 * staff to verify it against base data. The community's staff hear of it live.
 */
export async function signUp(db: Db, input: SignupBody, ip: string) {
  const verdict = judgePassword(input.password, [input.username, input.displayName, input.phone]);
  if (!verdict.ok)
    throw new AppError('PASSWORD_TOO_WEAK', {
      message: verdict.reason!,
      details: [{ path: 'password', message: verdict.reason! }],
    });
  // Hash outside the transaction: argon2 is slow on purpose and should not hold locks.
  const passwordHash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    await throttleSignups(tx, ip);
    const house = await loadHouse(tx, input.houseNodeId);
    const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (clash) throw duplicateUsername();
    await assertPhoneFree(tx, input.phone, null);
    const inserted = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: 'resident',
        scopeNodeId: house.id,
        phone: input.phone,
        verificationState: 'pending',
        passwordChangedAt: new Date(),
      })
      .onConflictDoNothing()
      .returning();
    const user = inserted[0];
    if (!user) throw duplicateUsername(); // lost a race for the username
    await recordAudit(tx, null, {
      action: 'auth.signup',
      targetType: 'user',
      targetId: user.id,
      scopePath: house.path,
      summary: { username: user.username, houseNodeId: house.id },
      ip,
    });
    await publishLive(tx, {
      topic: 'signup.submitted',
      scopePath: house.communityPath,
      payload: { userId: user.id, displayName: user.displayName },
    });
    return user;
  });
}

function duplicateUsername(): AppError {
  return new AppError('DUPLICATE', {
    message: '用户名已被使用',
    details: [{ path: 'username', message: '该用户名已被使用，请换一个' }],
  });
}
