import { and, asc, count, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Account } from '../../../contracts/account-admin.ts';
import { ROLE_LABELS, type Role } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { underPath } from '../../platform/scope.ts';
import { departments, orgNodes } from '../org/schema.ts';
import { accountAbilities, inScope, type TargetAccount } from './policy.ts';
import { users } from './schema.ts';

const columns = {
  user: users,
  scopeLevel: orgNodes.level,
  scopeCode: orgNodes.code,
  scopeName: orgNodes.name,
  scopePath: orgNodes.path,
  departmentName: departments.name,
};
type Row = {
  user: typeof users.$inferSelect;
  scopeLevel: string | null;
  scopeCode: string | null;
  scopeName: string | null;
  scopePath: string | null;
  departmentName: string | null;
};

function baseQuery(db: Queryable) {
  return db
    .select(columns)
    .from(users)
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .leftJoin(departments, eq(departments.id, users.departmentId));
}

export function targetOf(row: Row): TargetAccount {
  return { id: row.user.id, role: row.user.role, scopePath: row.scopePath, disabled: !!row.user.disabledAt };
}

export function accountView(actor: Actor, row: Row): Account {
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    phone: u.phone,
    scope:
      u.scopeNodeId && row.scopeLevel
        ? {
            nodeId: u.scopeNodeId,
            level: row.scopeLevel as NonNullable<Account['scope']>['level'],
            code: row.scopeCode!,
            name: row.scopeName!,
          }
        : null,
    departmentId: u.departmentId,
    departmentName: row.departmentName,
    state: u.disabledAt ? 'disabled' : 'active',
    mustChangePassword: u.mustChangePassword,
    totpEnabled: !!u.totpEnabledAt,
    createdAt: u.createdAt.toISOString(),
    abilities: accountAbilities(actor, targetOf(row)),
  };
}

/** One account inside the actor's scope, or 404. */
export async function loadAccountInScope(db: Queryable, actor: Actor, id: number): Promise<Row> {
  const [row] = await baseQuery(db).where(eq(users.id, id)).limit(1);
  if (!row || !inScope(actor, row.scopePath)) throw new AppError('NOT_FOUND');
  return row;
}

/** The scope predicate of lists: accounts whose scope node lies at or under the actor's. */
function scopeWhere(actor: Actor): SQL {
  const under = underPath(orgNodes.path, actor.scopePath ?? '\u0000');
  return actor.role === 'district_admin' ? or(under, isNull(users.scopeNodeId))! : under;
}

export interface AccountFilter {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
  state?: 'active' | 'disabled';
  scopePath?: string;
}

export async function accountPage(db: Queryable, actor: Actor, f: AccountFilter) {
  const conditions: (SQL | undefined)[] = [scopeWhere(actor)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like), ilike(users.phone, like)));
  }
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.state) conditions.push(f.state === 'disabled' ? isNotNull(users.disabledAt) : isNull(users.disabledAt));
  if (f.scopePath) conditions.push(underPath(orgNodes.path, f.scopePath));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(sql`${users.disabledAt} is not null`, asc(users.username))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(users).leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId)).where(where),
  ]);
  return {
    data: rows.map((r) => accountView(actor, r)),
    page: { page: f.page, pageSize: f.pageSize, total: total?.n ?? 0 },
  };
}

/** Org node by id, for placement checks. */
export async function nodeById(db: Queryable, id: number) {
  const [node] = await db
    .select({
      id: orgNodes.id,
      level: orgNodes.level,
      path: orgNodes.path,
      code: orgNodes.code,
      retiredAt: orgNodes.retiredAt,
    })
    .from(orgNodes)
    .where(eq(orgNodes.id, id))
    .limit(1);
  return node && !node.retiredAt ? node : null;
}

export async function departmentById(db: Queryable, id: number) {
  const [d] = await db
    .select({
      id: departments.id,
      servesNodeId: departments.servesNodeId,
      servesPath: orgNodes.path,
      code: departments.code,
    })
    .from(departments)
    .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
    .where(eq(departments.id, id))
    .limit(1);
  return d ?? null;
}
