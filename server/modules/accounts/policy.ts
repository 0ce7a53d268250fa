import type { NodeLevel } from '../org/schema.ts';
import { ROLES, type Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { isUnder } from '../../platform/scope.ts';
import { hasAbility } from './abilities.ts';
import { ADMIN_ROLES } from './security-settings.ts';

/**
 * THE one place deciding who may administer whom (账号管理).
 *
 * - Rank: district_admin > street_admin > community_secretary > community_staff > grid_worker >
 *   building_leader > everyone else. Nobody grants a role above their own, nor touches an
 *   account ranked above them. The community secretary manages only roles strictly below
 *   secretary (a community has one secretary, appointed by the street); district and street
 *   administrators may add a colleague of their own rank within their scope.
 * - Department handlers (职能部门) are created by district/street administrators only.
 * - The target's scope node must lie within the actor's scope, else the account is "not found".
 * - The scope level must fit the role (a grid worker sits on a grid, a secretary on a community).
 * - Nobody disables, resets or re-roles themselves here (that is what 个人设置 is for).
 */
const RANK: Partial<Record<Role, number>> = {
  district_admin: 7,
  street_admin: 6,
  community_secretary: 5,
  community_staff: 4,
  grid_worker: 3,
  building_leader: 2,
};
export function rankOf(role: Role): number {
  return RANK[role] ?? 1;
}

/** Scope levels each role may be placed on. */
export const ROLE_LEVELS: Record<Role, readonly NodeLevel[]> = {
  district_admin: ['district'],
  street_admin: ['street'],
  community_secretary: ['community'],
  community_staff: ['community'],
  grid_worker: ['grid'],
  building_leader: ['building'],
  party_member: ['community', 'grid', 'building', 'house'],
  volunteer: ['community', 'grid', 'building', 'house'],
  resident: ['building', 'house'],
  department_handler: ['street', 'district'],
  co_unit_contact: ['community'],
  property_company: ['community', 'estate'],
  // 易办事 terminal: stands in a street's or a community's service hall.
  kiosk: ['street', 'community'],
};

const DEPARTMENT_GRANTORS: readonly Role[] = ['district_admin', 'street_admin'];

export function canAdminister(actor: Actor): boolean {
  return hasAbility(actor.role, 'accounts.manage') && !!actor.scopePath;
}

/** 账号管理 (`accounts.administer`): list, create, edit, disable, reset, import a roster. */
export function assertCanAdminister(actor: Actor): Actor {
  if (!canAdminister(actor)) throw new AppError('FORBIDDEN');
  return actor;
}

/**
 * The own account (`accounts.self`): profile, password, sessions, one-time codes and verification need
 * only a session — every such route acts on `actor.userId` and nothing else.
 * Switching one's one-time codes off is refused to administrators where the installation requires them.
 */
export function assertMayDisableTotp(role: Role, requiredForAdmins: boolean): void {
  if (ADMIN_ROLES.includes(role) && requiredForAdmins)
    throw new AppError('FORBIDDEN', { message: '本系统要求管理员必须使用动态口令，不能停用' });
}

/** Roles the actor may hand out (create an account with, or move an account to). */
export function grantableRoles(actor: Actor): Role[] {
  if (!canAdminister(actor)) return [];
  const own = rankOf(actor.role);
  const sameRankAllowed = actor.role === 'district_admin' || actor.role === 'street_admin';
  return ROLES.filter((role) => {
    if (role === 'department_handler') return DEPARTMENT_GRANTORS.includes(actor.role);
    const r = rankOf(role);
    return r < own || (sameRankAllowed && r === own);
  });
}

export function mayGrant(actor: Actor, role: Role): boolean {
  return grantableRoles(actor).includes(role);
}

/** Whether the target (by its scope path) lies within the actor's scope; outside → 404. */
export function inScope(actor: Actor, targetScopePath: string | null): boolean {
  if (!canAdminister(actor)) return false;
  // Accounts without a territorial scope belong to the installation: only the district sees them.
  if (!targetScopePath) return actor.role === 'district_admin';
  return isUnder(targetScopePath, actor.scopePath!);
}

export type AccountAction = 'edit' | 'disable' | 'enable' | 'reset';
export interface TargetAccount {
  id: number;
  role: Role;
  scopePath: string | null;
  disabled: boolean;
}

/** What the actor may do to an account already known to be in scope. */
export function accountAbilities(actor: Actor, target: TargetAccount): AccountAction[] {
  if (!inScope(actor, target.scopePath)) return [];
  if (target.id === actor.userId) return [];
  // Editing an account means being allowed to grant its current role.
  if (!mayGrant(actor, target.role)) return [];
  return target.disabled ? ['edit', 'enable', 'reset'] : ['edit', 'disable', 'reset'];
}

/** Loaded in scope (404) and allowed (403), in that order. */
export function authorizeAccount(actor: Actor, action: AccountAction, target: TargetAccount): void {
  if (!inScope(actor, target.scopePath)) throw new AppError('NOT_FOUND');
  if (target.id === actor.userId)
    throw new AppError('FORBIDDEN', { message: '不能在账号管理中修改自己的账号，请到“个人设置”' });
  if (!accountAbilities(actor, target).includes(action)) {
    if (action === 'enable' && !target.disabled) throw new AppError('CONFLICT', { message: '账号未停用' });
    if (action === 'disable' && target.disabled) throw new AppError('CONFLICT', { message: '账号已停用' });
    throw new AppError('FORBIDDEN', { message: '您无权管理该账号（其角色不低于您的权限）' });
  }
}

export interface PlacementNode {
  id: number;
  level: NodeLevel;
  path: string;
}
export interface PlacementDepartment {
  id: number;
  servesPath: string;
  servesNodeId: number;
}

/**
 * Checks that an account of `role` may be placed on `node` (with `department`) by the actor.
 * Throws 403 for a role above the actor's rights, 404 for a scope outside theirs, 422 for a
 * scope level or department that does not fit the role. `field` names the form field.
 */
export function authorizePlacement(
  actor: Actor,
  role: Role,
  node: PlacementNode | null,
  department: PlacementDepartment | null | undefined,
): void {
  if (!mayGrant(actor, role))
    throw new AppError('FORBIDDEN', {
      message: '不能授予高于自身权限的角色',
      details: [{ path: 'role', message: '您无权授予该角色' }],
    });
  if (!node || !actor.scopePath || !isUnder(node.path, actor.scopePath)) {
    throw new AppError('NOT_FOUND', {
      message: '管辖范围不存在或不在您的管辖范围内',
      details: [{ path: 'scopeNodeId', message: '不在您的管辖范围内' }],
    });
  }
  const levels = ROLE_LEVELS[role];
  if (!levels.includes(node.level)) {
    throw new AppError('VALIDATION_FAILED', {
      message: `管辖范围层级不符：该角色须设在${levels.map(levelLabel).join('或')}`,
      details: [{ path: 'scopeNodeId', message: `该角色的管辖范围须为${levels.map(levelLabel).join('或')}` }],
    });
  }
  if (role === 'department_handler') {
    if (!department)
      throw new AppError('VALIDATION_FAILED', {
        message: '职能部门处置人员须选择所属部门',
        details: [{ path: 'departmentId', message: '请选择所属部门' }],
      });
    if (!isUnder(department.servesPath, actor.scopePath) || department.servesNodeId !== node.id) {
      throw new AppError('VALIDATION_FAILED', {
        message: '所选部门不服务于该管辖范围',
        details: [{ path: 'departmentId', message: '部门须服务于所选街道且在您的管辖范围内' }],
      });
    }
  }
}

const LEVEL_LABELS: Record<NodeLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  estate: '小区',
  building: '楼栋',
  house: '房屋',
};
function levelLabel(level: NodeLevel): string {
  return LEVEL_LABELS[level];
}

/** Installation-wide security switches (e.g. TOTP required for administrators). */
export function assertCanManageSecurity(actor: Actor): void {
  if (!hasAbility(actor.role, 'security.manage')) throw new AppError('FORBIDDEN');
}
