import type { Db } from '../../platform/db/open.ts';
import { withTx } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { codeMatches, LOCK_MINUTES, MAX_FAILURES, readSetupState, writeSetupState } from './setup-state.ts';

/**
 * Verifies the one-time setup code. A wrong code is counted in its own committed transaction
 * (so throwing does not undo the count); after MAX_FAILURES the code is locked for LOCK_MINUTES,
 * which keeps guessing 31⁸ codes out of reach over the network.
 */
export async function checkSetupCode(db: Db, code: string): Promise<void> {
  const verdict = await withTx(db, async (tx) => {
    const state = await readSetupState(tx, true);
    if (state?.state === 'done') return 'done' as const;
    // No pending code: the server issues one at start, so this install was not started normally.
    if (!state) return 'invalid' as const;
    if (state.lockedUntil && new Date(state.lockedUntil) > new Date()) return 'locked' as const;
    if (codeMatches(code, state.codeHash)) return 'ok' as const;
    const failures = (state.lockedUntil ? 0 : state.failures) + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString() : null;
    await writeSetupState(tx, { ...state, failures: lockedUntil ? 0 : failures, lockedUntil });
    return lockedUntil ? ('locked' as const) : ('invalid' as const);
  });
  if (verdict === 'done') throw new AppError('SETUP_DONE');
  if (verdict === 'locked') throw new AppError('SETUP_CODE_LOCKED');
  if (verdict === 'invalid')
    throw new AppError('SETUP_CODE_INVALID', { details: [{ path: 'setupCode', message: '初始化码不正确' }] });
}
