import { eq, sql } from 'drizzle-orm';
import type { SetupBody } from '../../../../contracts/setup.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { judgePassword } from '../../../platform/auth/password-strength.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { childPath } from '../../../platform/scope.ts';
import { users } from '../../accounts/schema.ts';
import { seedCategories } from '../../cases/index.ts';
import { orgNodes } from '../../org/schema.ts';
import { findDistrict, streetsOf } from '../divisions.ts';
import { checkSetupCode } from '../check-code.ts';
import { readSetupState, setupNeeded, writeSetupState } from '../setup-state.ts';

export interface SetupResult {
  district: { id: number; code: string; name: string };
  streets: { id: number; code: string; name: string }[];
  admin: { id: number; username: string };
}

/** Checks the chosen district and streets against the NBS list; 422 with field paths otherwise. */
function resolveDivisions(body: SetupBody) {
  const district = findDistrict(body.districtCode);
  if (!district)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ path: 'districtCode', message: '不是有效的区县代码（国家统计局 2023 年区划代码）' }],
    });
  const known = new Map((streetsOf(district.code) ?? []).map((s) => [s.code, s]));
  const details = body.streetCodes.flatMap((code, i) =>
    known.has(code) ? [] : [{ path: `streetCodes.${i}`, message: `${code} 不是${district.name}的街道（乡镇）` }],
  );
  if (new Set(body.streetCodes).size !== body.streetCodes.length)
    details.push({ path: 'streetCodes', message: '街道（乡镇）重复' });
  if (details.length) throw new AppError('VALIDATION_FAILED', { details });
  return { district, streets: body.streetCodes.map((c) => known.get(c)!) };
}

async function nextNodeId(tx: Tx): Promise<number> {
  const r = await tx.execute<{ id: string }>(sql`select nextval(pg_get_serial_sequence('org_nodes', 'id')) as id`);
  return Number(r.rows[0]!.id);
}

/**
 * Claims a clean install: with the console's one-time code, writes the district and the chosen
 * streets (real NBS codes and names; boundaries come later from a map import), the case category
 * tree and the first district administrator, and marks setup done — all in one transaction.
 */
export async function completeSetup(db: Db, body: SetupBody, ip: string | null): Promise<SetupResult> {
  if (!(await setupNeeded(db))) throw new AppError('SETUP_DONE');
  await checkSetupCode(db, body.setupCode);
  const { district, streets } = resolveDivisions(body);
  const { admin } = body;
  const verdict = judgePassword(admin.password, [admin.username, admin.displayName, admin.phone]);
  if (!verdict.ok)
    throw new AppError('PASSWORD_TOO_WEAK', { details: [{ path: 'admin.password', message: verdict.reason! }] });
  const passwordHash = await hashPassword(admin.password);

  return withTx(db, async (tx) => {
    // Two browsers submitting at once: the row lock lets one through; the other then sees 'done'.
    const state = await readSetupState(tx, true);
    if (state?.state !== 'pending' || !(await setupNeeded(tx))) throw new AppError('SETUP_DONE');
    const districtId = await nextNodeId(tx);
    const districtPath = childPath(null, districtId);
    await tx.insert(orgNodes).values({
      id: districtId,
      level: 'district',
      code: district.code,
      name: district.name,
      path: districtPath,
      attrs: { city: district.city, province: district.province },
    });
    const streetRows: SetupResult['streets'] = [];
    for (const s of streets) {
      const id = await nextNodeId(tx);
      await tx.insert(orgNodes).values({
        id,
        parentId: districtId,
        level: 'street',
        code: s.code,
        name: s.name,
        path: childPath(districtPath, id),
      });
      streetRows.push({ id, code: s.code, name: s.name });
    }
    await seedCategories(tx);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, admin.username));
    if (taken) throw new AppError('DUPLICATE', { details: [{ path: 'admin.username', message: '用户名已被使用' }] });
    const [user] = await tx
      .insert(users)
      .values({
        username: admin.username,
        displayName: admin.displayName,
        passwordHash,
        role: 'district_admin',
        scopeNodeId: districtId,
        phone: admin.phone,
        passwordChangedAt: new Date(),
      })
      .returning({ id: users.id });
    await writeSetupState(tx, {
      state: 'done',
      at: new Date().toISOString(),
      districtCode: district.code,
      adminUserId: user!.id,
    });
    await recordAudit(tx, null, {
      action: 'setup.complete',
      targetType: 'org_node',
      targetId: districtId,
      scopePath: districtPath,
      ip,
      summary: { district: district.code, streets: streets.map((s) => s.code), admin: admin.username },
    });
    return {
      district: { id: districtId, code: district.code, name: district.name },
      streets: streetRows,
      admin: { id: user!.id, username: admin.username },
    };
  });
}
