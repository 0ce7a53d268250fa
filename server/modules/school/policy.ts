import { sql, type SQL } from 'drizzle-orm';
import type { Audience } from '../../../contracts/school.ts';
import type { Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, isUnder, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { schoolCourses } from './schema.ts';

export type CourseAction = 'study' | 'edit';

/** Which audience a role studies as: 党员, 网格员 (楼栋长 are grid force too), or 干部 (community and above). */
const AUDIENCE_OF: Partial<Record<Role, Audience>> = {
  party_member: 'member',
  grid_worker: 'grid',
  building_leader: 'grid',
  community_staff: 'cadre',
  community_secretary: 'cadre',
  street_admin: 'cadre',
  district_admin: 'cadre',
};

export function audienceOf(role: Role): Audience | null {
  return AUDIENCE_OF[role] ?? null;
}

/**
 * The one place deciding access to the party school. A learner sees published courses offered at
 * or above their own scope for their audience; course managers also see every course offered
 * under their scope (drafts included) to edit it.
 */
export function courseVisibleWhere(actor: Actor): SQL {
  const audience = audienceOf(actor.role);
  const studies =
    actor.scopePath && audience && hasAbility(actor.role, 'school.study')
      ? sql`(${schoolCourses.published} and ${actor.scopePath} like ${schoolCourses.scopePath} || '%' and ${audience} = any(${schoolCourses.audiences}))`
      : sql`false`;
  const manages =
    actor.scopePath && hasAbility(actor.role, 'school.manage')
      ? underPath(schoolCourses.scopePath, actor.scopePath)
      : sql`false`;
  return sql`(${studies} or ${manages})`;
}

interface CourseScope {
  scopePath: string;
  audiences: Audience[];
  published: boolean;
}

export function canCourse(actor: Actor, action: CourseAction, course: CourseScope): boolean {
  switch (action) {
    case 'study': {
      const audience = audienceOf(actor.role);
      return Boolean(
        hasAbility(actor.role, 'school.study') &&
        course.published &&
        audience &&
        course.audiences.includes(audience) &&
        actor.scopePath &&
        isUnder(actor.scopePath, course.scopePath),
      );
    }
    case 'edit':
      return hasAbility(actor.role, 'school.manage') && actorCovers(actor, course.scopePath);
  }
}

export function authorizeCourse(actor: Actor, action: CourseAction, course: CourseScope): void {
  if (!canCourse(actor, action, course)) throw new AppError('FORBIDDEN');
}

/** Opening a new course at a node: a course manager whose scope covers the node. */
export function authorizeCreateCourse(actor: Actor, nodePath: string): void {
  if (!hasAbility(actor.role, 'school.manage') || !actorCovers(actor, nodePath)) throw new AppError('FORBIDDEN');
}

/** Study figures per branch: secretaries and administrators over the node they look at. */
export function authorizeStats(actor: Actor, nodePath: string): void {
  if (!hasAbility(actor.role, 'school.stats') || !actorCovers(actor, nodePath)) throw new AppError('FORBIDDEN');
}

/** Own study records: anyone who may study. */
export function authorizeOwnRecords(actor: Actor): void {
  if (!hasAbility(actor.role, 'school.study')) throw new AppError('FORBIDDEN');
}

/** The catalogue: learners and course managers. */
export function authorizeCatalogue(actor: Actor): void {
  if (!hasAbility(actor.role, 'school.study') && !hasAbility(actor.role, 'school.manage'))
    throw new AppError('FORBIDDEN');
}
