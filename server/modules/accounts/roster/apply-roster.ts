import { eq, sql } from 'drizzle-orm';
import type { RosterResult } from '../../../../contracts/account-admin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import type { PiiCodec } from '../../people/index.ts';
import { gridAssignments, users } from '../schema.ts';
import { generateTemporaryPassword } from '../temp-password.ts';
import type { CheckedLine } from './check-rows.ts';

/** The fields a roster line sets, compared with the stored account to tell "updated" from "unchanged". */
function wanted(line: CheckedLine, idHash: string | null) {
  return {
    displayName: line.displayName,
    phone: line.phone,
    role: line.role!,
    scopeNodeId: line.scopeNodeId,
    departmentId: line.departmentId,
    idNumberHash: idHash,
  };
}

function differs(existing: typeof users.$inferSelect, w: ReturnType<typeof wanted>): boolean {
  // An empty identity cell keeps the stored number: a roster without the column does not erase it.
  return (
    existing.displayName !== w.displayName ||
    existing.phone !== w.phone ||
    existing.role !== w.role ||
    existing.scopeNodeId !== w.scopeNodeId ||
    existing.departmentId !== w.departmentId ||
    (w.idNumberHash !== null && existing.idNumberHash !== w.idNumberHash)
  );
}

/**
 * Writes a fully checked roster in one transaction: new accounts get one-time passwords (returned
 * once, stored only as hashes), changed ones are updated, identical ones left alone — so
 * importing the same sheet twice creates nothing the second time.
 */
export async function applyRoster(
  db: Db,
  actor: Actor,
  codec: PiiCodec,
  lines: CheckedLine[],
  ip: string,
): Promise<RosterResult> {
  const plans = await Promise.all(
    lines.map(async (line) => {
      const idHash = line.idNumber ? codec.lookupHash('id', line.idNumber) : null;
      const w = wanted(line, idHash);
      if (!line.existing) {
        const password = generateTemporaryPassword();
        return { line, w, outcome: 'created' as const, password, passwordHash: await hashPassword(password) };
      }
      return {
        line,
        w,
        outcome: differs(line.existing, w) ? ('updated' as const) : ('unchanged' as const),
        password: null,
        passwordHash: null,
      };
    }),
  );
  await withTx(db, async (tx) => {
    for (const p of plans) {
      if (p.outcome === 'unchanged') continue;
      const sealedId = p.line.idNumber
        ? { idNumberEnc: codec.seal(p.line.idNumber), idNumberHash: p.w.idNumberHash }
        : {};
      let userId: number;
      if (p.outcome === 'created') {
        const [row] = await tx
          .insert(users)
          .values({
            username: p.line.username,
            ...p.w,
            ...sealedId,
            passwordHash: p.passwordHash!,
            mustChangePassword: true,
            createdBy: actor.userId,
          })
          .returning({ id: users.id });
        userId = row!.id;
      } else {
        const { idNumberHash: _ignored, ...fields } = p.w;
        await tx
          .update(users)
          .set({ ...fields, ...sealedId, updatedAt: sql`now()` })
          .where(eq(users.id, p.line.existing!.id));
        userId = p.line.existing!.id;
      }
      // 一格一员: a grid without a worker gets this one; a grid already staffed keeps its worker
      // (reassignment is its own, deliberate action).
      if (p.w.role === 'grid_worker') {
        await tx
          .insert(gridAssignments)
          .values({ gridNodeId: p.w.scopeNodeId, userId, assignedBy: actor.userId, note: '花名册导入' })
          .onConflictDoNothing();
      }
    }
    const counts = countOutcomes(plans);
    await recordAudit(tx, actor, {
      action: 'accounts.roster_import',
      targetType: 'user',
      targetId: null,
      scopePath: actor.scopePath,
      summary: {
        ...counts,
        usernames: plans
          .filter((p) => p.outcome !== 'unchanged')
          .map((p) => p.line.username)
          .slice(0, 200),
      },
      ip,
    });
  });
  return {
    counts: countOutcomes(plans),
    rows: plans.map((p) => ({
      rowNo: p.line.rowNo,
      username: p.line.username,
      displayName: p.line.displayName,
      outcome: p.outcome,
    })),
    passwords: plans
      .filter((p) => p.password)
      .map((p) => ({ username: p.line.username, displayName: p.line.displayName, password: p.password! })),
  };
}

function countOutcomes(plans: { outcome: 'created' | 'updated' | 'unchanged' }[]) {
  return {
    created: plans.filter((p) => p.outcome === 'created').length,
    updated: plans.filter((p) => p.outcome === 'updated').length,
    unchanged: plans.filter((p) => p.outcome === 'unchanged').length,
  };
}
