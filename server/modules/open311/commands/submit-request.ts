import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { createFieldCipher } from '../../../platform/crypto.ts';
import { users } from '../../accounts/schema.ts';
import { reportCase } from '../../cases/index.ts';
import { orgNodes } from '../../org/schema.ts';
import type { KeyRow } from '../keys.ts';
import { open311Requests } from '../schema.ts';
import { serviceNotice } from '../services.ts';
import type { ValidRequest } from '../validate-request.ts';

/** The key's system account as an actor (see commands/create-key.ts). */
async function clientActor(deps: AppDeps, key: KeyRow): Promise<Actor> {
  const [row] = await deps.db
    .select({ user: users, path: orgNodes.path })
    .from(users)
    .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(eq(users.id, key.userId));
  const u = row!.user;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopeNodeId: u.scopeNodeId,
    scopePath: row!.path,
    departmentId: null,
    restriction: null,
  };
}

/** Chinese names read family name first; Latin ones given name first. */
function fullName(first?: string, last?: string): string | undefined {
  if (!first && !last) return undefined;
  return /[\u4e00-\u9fff]/.test(`${first ?? ''}${last ?? ''}`)
    ? `${last ?? ''}${first ?? ''}`
    : [first, last].filter(Boolean).join(' ');
}

/**
 * Registers the request as a case (source open311) through the cases module, in state
 * `reported`: it waits in the intake community for acceptance like any other report. What the
 * cases module has no column for is kept beside it, reporter details encrypted.
 */
export async function submitRequest(deps: AppDeps, key: KeyRow, req: ValidRequest) {
  const actor = await clientActor(deps, key);
  const cipher = createFieldCipher(deps.config.dataKey);
  const reporter = Object.fromEntries(Object.entries(req.reporter).filter(([, v]) => v !== undefined));
  const token = crypto.randomUUID();
  // The Open311 record is written inside the case's own transaction: both commit or neither does.
  const created = await reportCase(
    deps,
    actor,
    {
      title: req.service.name,
      description: req.description,
      categoryId: req.service.id,
      source: 'open311',
      ...(req.pin ?? {}),
      address: req.address ?? undefined,
      communityId: key.intakeCommunityId,
      photoIds: [],
      reporterName: fullName(req.reporter.firstName, req.reporter.lastName),
      reporterPhone: req.phone ?? undefined,
      answers: req.attributes,
    },
    {
      afterInsert: async (tx, row) => {
        await tx.insert(open311Requests).values({
          caseId: row.id,
          keyId: key.id,
          token,
          serviceCode: req.service.code,
          reporterEnc: Object.keys(reporter).length ? cipher.encrypt(JSON.stringify(reporter)) : null,
          mediaUrl: req.mediaUrl,
          addressId: req.addressId,
          attributes: req.attributes,
        });
        await recordAudit(tx, actor, {
          action: 'open311.request',
          targetType: 'case',
          targetId: row.id,
          scopePath: row.scopePath,
          summary: { client: key.clientName, service: req.service.code, reporterFields: Object.keys(reporter) },
        });
      },
    },
  );
  return {
    caseId: created.id,
    token,
    notice: await serviceNotice(deps.db, req.service),
    accountId: req.reporter.accountId ?? null,
  };
}
