import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { hasAbility } from '../accounts/abilities.ts';

/**
 * Verifying the chain is one answer for the whole log: a hash chain cannot be checked for one
 * community's rows alone (every row covers its predecessor, whoever's it is). So anyone who may
 * review audit entries ('audit.read': district/street admin, community secretary) sees whether the
 * chain is intact and the id/seq of the first broken row, never another scope's row content.
 */
export function authorizeChainRead(actor: Actor): void {
  if (!hasAbility(actor.role, 'audit.read')) throw new AppError('FORBIDDEN');
}
