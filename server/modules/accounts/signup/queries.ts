import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { MyVerification, SignupState, SignupSummary } from '../../../../contracts/signup.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { maskPhone } from '../../../platform/masking.ts';
import { identityCandidates } from '../../people/index.ts';
import { orgNodes } from '../../org/schema.ts';
import { users } from '../schema.ts';
import { addressesOf, communityPathOf } from './house.ts';
import { authorizeSignup, signupAbilities, signupScopeWhere } from './policy.ts';

const fields = { user: users, housePath: orgNodes.path };
type Row = { user: typeof users.$inferSelect; housePath: string };

async function summaries(q: Queryable, rows: Row[]): Promise<SignupSummary[]> {
  const addresses = await addressesOf(
    q,
    rows.map((r) => r.housePath),
  );
  return rows.map(({ user: u, housePath }) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phoneMasked: maskPhone(u.phone),
    state: u.verificationState!,
    note: u.verificationNote,
    house: addresses.get(housePath) ?? null,
    createdAt: u.createdAt.toISOString(),
    verifiedAt: u.verifiedAt?.toISOString() ?? null,
  }));
}

/** Sign-ups in the actor's scope in one state, newest first. */
export async function signupPage(q: Queryable, actor: Actor, state: SignupState, page: number, pageSize: number) {
  const where = and(
    eq(users.role, 'resident'),
    eq(users.verificationState, state),
    signupScopeWhere(actor, orgNodes.path),
  );
  const [rows, [total]] = await Promise.all([
    q
      .select(fields)
      .from(users)
      .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
      .where(where)
      .orderBy(desc(users.updatedAt), desc(users.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ n: count() }).from(users).innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId)).where(where),
  ]);
  return { data: await summaries(q, rows), page: { page, pageSize, total: Number(total?.n ?? 0) } };
}

/** One sign-up with the base-data residents who may be this person (masked), for the verifier. */
export async function signupDetail(q: Queryable, dataKey: string, actor: Actor, id: number) {
  const [row] = await q
    .select(fields)
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(
        eq(users.id, id),
        eq(users.role, 'resident'),
        isNotNull(users.verificationState),
        signupScopeWhere(actor, orgNodes.path),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  authorizeSignup(actor, 'read', row.housePath);
  const [summary] = await summaries(q, [row]);
  const candidates = await identityCandidates(q, dataKey, {
    houseNodeId: row.user.scopeNodeId!,
    communityPath: communityPathOf(row.housePath),
    name: row.user.displayName,
    phone: row.user.phone,
  });
  return {
    data: { ...summary!, personId: row.user.personId, candidates },
    abilities: signupAbilities(actor, row.housePath),
  };
}

/** The resident's own view of their verification: state, staff's note, what they submitted. */
export async function myVerification(q: Queryable, actor: Actor): Promise<MyVerification> {
  const [row] = await q
    .select(fields)
    .from(users)
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(and(eq(users.id, actor.userId), isNotNull(users.verificationState)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', { message: '您的账号无需实名核验' });
  const addresses = row.housePath ? await addressesOf(q, [row.housePath]) : new Map();
  return {
    state: row.user.verificationState!,
    note: row.user.verificationNote,
    displayName: row.user.displayName,
    phone: row.user.phone,
    house: (row.housePath && addresses.get(row.housePath)) ?? null,
  };
}

/** Sign-ups waiting for a decision in the actor's scope (their to-do list). */
export async function pendingSignupCount(q: Queryable, actor: Actor): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(
      and(eq(users.role, 'resident'), eq(users.verificationState, 'pending'), signupScopeWhere(actor, orgNodes.path)),
    );
  return Number(row?.n ?? 0);
}
