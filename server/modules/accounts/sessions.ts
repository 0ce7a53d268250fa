import crypto from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { sessions, users } from './schema.ts';
import { orgNodes } from '../org/schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { runsOnPglite } from '../../platform/db/pglite-detect.ts';
import { needsTotpEnrolment } from './security-settings.ts';

export { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/cookies.ts';

function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** The stored key of a session cookie token (self-service lists sessions by a prefix of it). */
export function sessionKeyOf(token: string): string {
  return sha256(token);
}

export async function createSession(
  db: Db,
  userId: number,
  idleMinutes: number,
): Promise<{ token: string; csrf: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken: csrf,
    expiresAt: sql`now() + make_interval(mins => ${idleMinutes})`,
  });
  return { token, csrf };
}

/**
 * The session read runs on every request, and PostgreSQL spends ~0.6 ms planning this 3-table
 * join against ~0.04 ms executing it: on PostgreSQL it is a named prepared statement (parsed and
 * planned once per connection). Not on embedded PGlite, whose one shared session would see every
 * connection prepare the same name.
 */
function sessionRead(db: Db) {
  return db
    .select({ session: sessions, user: users, scopePath: orgNodes.path })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
}
const preparedReads = new WeakMap<Db, ReturnType<ReturnType<typeof sessionRead>['prepare']>>();

async function readSession(db: Db, tokenHash: string) {
  if (await runsOnPglite(db.$client)) return sessionRead(db).execute({ tokenHash });
  let read = preparedReads.get(db);
  if (!read) preparedReads.set(db, (read = sessionRead(db).prepare('gh_session_read')));
  return read.execute({ tokenHash });
}

/**
 * Resolves a session cookie to its actor and slides the expiry forward. The slide is
 * written at most once a minute per session to keep reads cheap.
 */
export async function loadSession(
  db: Db,
  token: string,
  idleMinutes: number,
): Promise<{ actor: Actor; csrf: string } | null> {
  const rows = await readSession(db, sha256(token));
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  // Slide the expiry at most once a minute: most requests then cost one read, no write.
  const slideDue = row.session.expiresAt.getTime() < Date.now() + (idleMinutes - 1) * 60_000;
  if (slideDue) {
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() + make_interval(mins => ${idleMinutes})` })
      .where(eq(sessions.tokenHash, row.session.tokenHash));
  }
  const { user } = row;
  return {
    csrf: row.session.csrfToken,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      scopeNodeId: user.scopeNodeId,
      scopePath: row.scopePath ?? null,
      departmentId: user.departmentId,
      restriction: restrictionOf(user, await needsTotpEnrolment(db, user)),
    },
  };
}

/**
 * What an account must do before it may use the rest of the app. Password change comes first;
 * a self-registered resident then waits for staff to verify them against base data.
 * TOTP enrolment comes second, when the installation requires it of administrators
 * (`needsTotpEnrolment`, security.totpRequiredForAdmins): the caller passes that verdict.
 */
export function restrictionOf(
  user: Pick<typeof users.$inferSelect, 'mustChangePassword' | 'verificationState'>,
  mustEnrolTotp = false,
): Actor['restriction'] {
  if (user.mustChangePassword) return 'password_change';
  if (mustEnrolTotp) return 'totp_enrolment';
  if (user.verificationState === 'pending' || user.verificationState === 'rejected') return 'pending_verification';
  return null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
  return result.rowCount ?? 0;
}
