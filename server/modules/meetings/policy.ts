import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { decisions, meetings, resolutions } from './schema.ts';

export type MeetingAction = 'read' | 'write';

/** The one place deciding access to meetings, resolutions and 四议两公开 records. */
export function meetingScopeWhere(actor: Actor, column: AnyColumn = meetings.scopePath): SQL {
  return actor.scopePath && hasAbility(actor.role, 'meetings.read') ? underPath(column, actor.scopePath) : sql`false`;
}
export const resolutionScopeWhere = (actor: Actor) => meetingScopeWhere(actor, resolutions.scopePath);
export const decisionScopeWhere = (actor: Actor) => meetingScopeWhere(actor, decisions.scopePath);

export function canMeeting(actor: Actor, action: MeetingAction, row: { scopePath: string }): boolean {
  return (
    hasAbility(actor.role, action === 'read' ? 'meetings.read' : 'meetings.write') && actorCovers(actor, row.scopePath)
  );
}

export function authorizeMeeting(actor: Actor, action: MeetingAction, row: { scopePath: string }): void {
  if (!canMeeting(actor, action, row)) throw new AppError('FORBIDDEN');
}

export function meetingAbilities(actor: Actor, row: { scopePath: string }): MeetingAction[] {
  return (['read', 'write'] as const).filter((a) => canMeeting(actor, a, row));
}

/**
 * The community's public page (published 四议两公开 items): anyone whose scope lies in the
 * community (residents, members …) or covers it (staff above). Outside → 404.
 */
export function canSeeCommunityPage(actor: Actor, communityPath: string): boolean {
  if (!actor.scopePath) return false;
  return isUnder(actor.scopePath, communityPath) || isUnder(communityPath, actor.scopePath);
}
