import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { availableActions, type CaseAction, type CaseState } from './lifecycle.ts';
import { caseFollowers, casePhotos, cases } from './schema.ts';

/** What the policy needs to know about a case. */
export interface CaseFacts {
  state: CaseState;
  scopePath: string;
  reporterUserId: number | null;
  dispatchLevel: string | null;
  departmentId: number | null;
  assigneePath: string | null;
  /** The rating (or revisit answer) once given, 1–5. */
  score: number | null;
}

const TERRITORIAL = new Set([
  'district_admin',
  'street_admin',
  'community_secretary',
  'community_staff',
  'grid_worker',
]);

/**
 * Which cases an actor can see at all: staff see every case under their scope node,
 * department handlers the cases whistled to their department, everyone else their own
 * reports and the cases they follow (e.g. a duplicate of theirs was merged into it). Staff
 * report inside their own area, so their own reports are already under their scope.
 */
export function casesScopeWhere(actor: Actor): SQL {
  // Each branch is one equality on an indexed column: a path prefix or an OR across branches
  // would defeat the (scope, state, reported_at) indexes that keep the inbox fast.
  if (TERRITORIAL.has(actor.role) && actor.scopePath) return territoryWhere(actor.scopePath);
  if (actor.role === 'department_handler' && actor.departmentId)
    return and(eq(cases.departmentId, actor.departmentId), eq(cases.dispatchLevel, 'department'))!;
  return or(
    eq(cases.reporterUserId, actor.userId),
    sql`exists (select 1 from ${caseFollowers} f where f.case_id = ${cases.id} and f.user_id = ${actor.userId})`,
  )!;
}

/**
 * A case photo: visible when its case is visible, or to its uploader before the case is submitted.
 * Uploading one needs only a session (`cases.photos.upload`): it is attached when a case is reported.
 */
export function casePhotoVisibleWhere(actor: Actor): SQL {
  return or(eq(casePhotos.uploadedBy, actor.userId), casesScopeWhere(actor))!;
}

/**
 * The report form (`cases.report-form`): the category tree, a category's questions and nearby similar
 * cases are shown to every signed-in user, residents included, since anyone may report a case.
 */

/**
 * Cases under a governance node. A case's scope path is its grid's (or its community's while no
 * grid is known), so "under the street/community/grid" is exactly equality on that level's id.
 */
export function territoryWhere(path: string): SQL {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (ids.length === 2) return eq(cases.streetId, ids[1]!);
  if (ids.length === 3) return eq(cases.communityId, ids[2]!);
  if (ids.length === 4) return eq(cases.gridId, ids[3]!);
  return underPath(cases.scopePath, path);
}

/** The staff who do the work at the assigned level: department handlers, or staff of the assignee node. */
function isAssignee(actor: Actor, c: CaseFacts): boolean {
  if (c.dispatchLevel === 'department')
    return actor.role === 'department_handler' && actor.departmentId === c.departmentId;
  if (!c.assigneePath || actor.scopePath !== c.assigneePath) return false;
  if (c.dispatchLevel === 'grid') return actor.role === 'grid_worker';
  if (c.dispatchLevel === 'community') return actor.role === 'community_secretary' || actor.role === 'community_staff';
  if (c.dispatchLevel === 'street') return actor.role === 'street_admin';
  return false;
}

const DISPATCHER_ACTIONS = new Set<CaseAction>([
  'accept',
  'reject',
  'merge',
  'dispatch',
  'approve_extension',
  'refuse_extension',
  'close',
  'park',
  'unpark',
  'put_on_agenda',
  'resolve_agenda',
]);
const HANDLER_ACTIONS = new Set<CaseAction>(['sign', 'return', 'request_extension', 'handle']);

/** 回访不满意 (score ≤ 2) stands in for the reporter asking to reopen: their dispatcher reopens it for them. */
export const UNSATISFIED_REVISIT_MAX_SCORE = 2;
function staffMayReopen(actor: Actor, c: CaseFacts): boolean {
  return (
    c.reporterUserId === null &&
    c.score !== null &&
    c.score <= UNSATISFIED_REVISIT_MAX_SCORE &&
    hasAbility(actor.role, 'cases.dispatch') &&
    actorCovers(actor, c.scopePath)
  );
}

/** May the actor take `action` on this case (scope already checked by casesScopeWhere)? */
export function canCase(actor: Actor, action: CaseAction, c: CaseFacts): boolean {
  if (DISPATCHER_ACTIONS.has(action))
    return hasAbility(actor.role, 'cases.dispatch') && actorCovers(actor, c.scopePath);
  if (HANDLER_ACTIONS.has(action)) return isAssignee(actor, c);
  if (action === 'verify' || action === 'rework') {
    // On-site check by the grid worker of the case's grid; community staff when the case has no grid worker's grid.
    return (
      (actor.role === 'grid_worker' || actor.role === 'community_secretary' || actor.role === 'community_staff') &&
      actorCovers(actor, c.scopePath)
    );
  }
  // Cases whose reporter has no account (window, hotline, Open311, devices) are rated by a phone revisit.
  if (action === 'revisit')
    return c.reporterUserId === null && hasAbility(actor.role, 'cases.dispatch') && actorCovers(actor, c.scopePath);
  if (action === 'rate') return c.reporterUserId === actor.userId;
  if (action === 'reopen') return c.reporterUserId === actor.userId || staffMayReopen(actor, c);
  return false;
}

export function authorizeCase(actor: Actor, action: CaseAction, c: CaseFacts): void {
  if (!canCase(actor, action, c)) throw new AppError('FORBIDDEN', { message: '您无权对该案件执行此操作' });
}

/** The actions the actor can take now: allowed by the lifecycle AND by the policy. */
export function caseAbilities(actor: Actor, c: CaseFacts): CaseAction[] {
  return availableActions(c.state).filter((a) => canCase(actor, a, c));
}

/**
 * Who may reveal the reporter's phone (PIPL: masked for everyone by default, each reveal audited):
 * the people who may handle the case — dispatchers over its area, the staff or department it is
 * assigned to, and the grid worker of its grid, who checks the result on site. The reporter sees
 * their own number masked like everyone else and has nothing to reveal.
 */
export function canRevealReporterContact(actor: Actor, c: CaseFacts): boolean {
  if (hasAbility(actor.role, 'cases.dispatch') && actorCovers(actor, c.scopePath)) return true;
  if (isAssignee(actor, c)) return true;
  return actor.role === 'grid_worker' && actorCovers(actor, c.scopePath);
}

/** 采纳率 is a management figure: anyone who reads cases from a node of the tree (residents have none). */
export function canReadSuggestionAcceptance(actor: Actor): boolean {
  return hasAbility(actor.role, 'cases.read') && actor.scopeNodeId !== null;
}

/** Hotline work orders are imported by the staff who register cases on callers' behalf (dispatchers). */
export function canImportHotline(actor: Actor): boolean {
  return hasAbility(actor.role, 'cases.dispatch') && hasAbility(actor.role, 'cases.report');
}

/** Importing a 12345 hotline export creates cases in the dispatcher's area: dispatchers only. */
export function assertCanImportCases(actor: Actor): void {
  if (!canImportHotline(actor)) throw new AppError('FORBIDDEN');
}

/** A department handler's figures are the cases whistled to their department, not an area's. */
export function seesOwnDepartmentFigures(actor: Actor): boolean {
  return actor.role === 'department_handler';
}

/** Area-wide case figures (indicators, suggestion acceptance): case readers placed on a node. */
export function assertCanReadAreaFigures(actor: Actor): asserts actor is Actor & { scopeNodeId: number } {
  if (!hasAbility(actor.role, 'cases.read') || !actor.scopeNodeId) throw new AppError('FORBIDDEN');
}

/** Category and handler suggestions help whoever may accept or dispatch the case. */
export function assertCanSeeSuggestion(actor: Actor, c: CaseFacts): void {
  if (!canCase(actor, 'accept', c) && !canCase(actor, 'dispatch', c)) throw new AppError('FORBIDDEN');
}
