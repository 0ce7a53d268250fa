import { eq, inArray } from 'drizzle-orm';
import type { RosterRowIssue } from '../../../../contracts/account-admin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { AppError } from '../../../platform/errors.ts';
import { departments, orgNodes } from '../../org/schema.ts';
import { accountAbilities, authorizePlacement, inScope } from '../policy.ts';
import { users } from '../schema.ts';
import type { RosterLine } from './parse-row.ts';

export interface CheckedLine extends RosterLine {
  scopeNodeId: number;
  scopePath: string;
  scopeLevel: string;
  departmentId: number | null;
  existing: typeof users.$inferSelect | null;
}

const COLUMN_OF_PATH: Record<string, string> = { role: '角色', scopeNodeId: '管辖范围编码', departmentId: '部门编码' };

/**
 * Checks every line against the database and the actor's rights, collecting every problem
 * rather than stopping at the first: the report names each bad cell so the sheet can be fixed
 * in one pass. Placement rules are policy.ts's, the same as for a single account.
 */
export async function checkRosterLines(
  db: Db,
  actor: Actor,
  lines: RosterLine[],
): Promise<{ checked: CheckedLine[]; issues: RosterRowIssue[] }> {
  const issues: RosterRowIssue[] = [];
  const seen = new Map<string, number>();
  for (const l of lines) {
    const first = seen.get(l.username.toLowerCase());
    if (l.username && first !== undefined)
      issues.push({ rowNo: l.rowNo, column: '用户名', message: `与第 ${first} 行用户名重复` });
    else seen.set(l.username.toLowerCase(), l.rowNo);
  }
  const codes = [...new Set(lines.map((l) => l.scopeCode).filter(Boolean))];
  const nodes = codes.length
    ? await db
        .select({
          id: orgNodes.id,
          code: orgNodes.code,
          level: orgNodes.level,
          path: orgNodes.path,
          retiredAt: orgNodes.retiredAt,
        })
        .from(orgNodes)
        .where(inArray(orgNodes.code, codes))
    : [];
  const nodeByCode = new Map(nodes.filter((n) => !n.retiredAt).map((n) => [n.code, n]));
  const deptCodes = [...new Set(lines.map((l) => l.departmentCode).filter((c): c is string => !!c))];
  const depts = deptCodes.length
    ? await db
        .select({
          id: departments.id,
          code: departments.code,
          servesNodeId: departments.servesNodeId,
          servesPath: orgNodes.path,
        })
        .from(departments)
        .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
        .where(inArray(departments.code, deptCodes))
    : [];
  const usernames = lines.map((l) => l.username).filter(Boolean);
  const existingRows = usernames.length
    ? await db
        .select({ user: users, scopePath: orgNodes.path })
        .from(users)
        .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
        .where(inArray(users.username, usernames))
    : [];
  const existingByName = new Map(existingRows.map((r) => [r.user.username, r]));

  const checked: CheckedLine[] = [];
  for (const l of lines) {
    const bad = (column: string, message: string) => issues.push({ rowNo: l.rowNo, column, message });
    const node = nodeByCode.get(l.scopeCode);
    if (l.scopeCode && !node) {
      bad('管辖范围编码', `编码 ${l.scopeCode} 不存在`);
      continue;
    }
    if (!l.role || !node) continue;
    const department = l.departmentCode
      ? (depts.find((d) => d.code === l.departmentCode && d.servesNodeId === node.id) ?? null)
      : null;
    if (l.departmentCode && l.role === 'department_handler' && !department) {
      bad('部门编码', `部门 ${l.departmentCode} 不存在或不服务于该街道`);
      continue;
    }
    try {
      authorizePlacement(actor, l.role, node, department);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const detail = e.details?.[0];
      bad(
        COLUMN_OF_PATH[detail?.path ?? ''] ?? '角色',
        e.code === 'NOT_FOUND' ? `编码 ${l.scopeCode} 不在您的管辖范围内` : (detail?.message ?? e.message),
      );
      continue;
    }
    const existing = existingByName.get(l.username);
    if (existing) {
      const target = {
        id: existing.user.id,
        role: existing.user.role,
        scopePath: existing.scopePath,
        disabled: !!existing.user.disabledAt,
      };
      if (!inScope(actor, existing.scopePath)) {
        bad('用户名', '该用户名已被其他账号使用');
        continue;
      }
      if (!accountAbilities(actor, target).includes('edit')) {
        bad('用户名', '该账号已存在，您无权修改它');
        continue;
      }
    }
    checked.push({
      ...l,
      scopeNodeId: node.id,
      scopePath: node.path,
      scopeLevel: node.level,
      departmentId: l.role === 'department_handler' ? department!.id : null,
      existing: existing?.user ?? null,
    });
  }
  return { checked, issues };
}
