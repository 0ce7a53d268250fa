import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCoUnitBody, createPairingBody } from '../../../../contracts/party-orgs.ts';
import {
  PAIRING_RELATION_LABELS,
  PAIRING_RELATIONS_BY_KIND,
  PARTY_ORG_KIND_LABELS,
} from '../../../../contracts/party-org-labels.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { coUnitPairings, coUnits } from '../../org/schema.ts';
import { loadPartyOrgFor } from '../org-tree.ts';
import { authorizeCoUnitRegistration, authorizePartyOrg } from '../policy.ts';

/** Registers a co-building unit (共建单位). Names are unique district-wide: units are shared by communities. */
export async function createCoUnit(db: Db, actor: Actor, input: z.infer<typeof createCoUnitBody>) {
  authorizeCoUnitRegistration(actor);
  return withTx(db, async (tx) => {
    // Serialises registrations of one name, so two clicks never make two units.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('co_unit_name'), hashtext(${input.name}))`);
    const [clash] = await tx.select({ id: coUnits.id }).from(coUnits).where(eq(coUnits.name, input.name)).limit(1);
    if (clash) throw invalid('name', '已有同名共建单位，请直接结对');
    const [row] = await tx
      .insert(coUnits)
      .values({
        name: input.name,
        type: input.type,
        address: input.address || null,
        contactName: input.contactName || null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'party.co_unit.create',
      targetType: 'co_unit',
      targetId: row!.id,
      scopePath: actor.scopePath,
      summary: { name: input.name, type: input.type },
    });
    return row!;
  });
}

/** 结对共建: pairs a co-building unit with a community (its joint committee) or a grid (its branch). */
export async function pairCoUnit(db: Db, actor: Actor, orgId: number, input: z.infer<typeof createPairingBody>) {
  return withTx(db, async (tx) => {
    const org = await loadPartyOrgFor(tx, actor, orgId, true);
    authorizePartyOrg(actor, 'manage', org);
    if (org.retiredAt) throw new AppError('CASE_INVALID_TRANSITION', { message: '该党组织已撤销' });
    const allowed = PAIRING_RELATIONS_BY_KIND[org.kind];
    if (!allowed)
      throw invalid('relation', `${PARTY_ORG_KIND_LABELS[org.kind]}不结对共建单位，请选择社区联合党委或网格党支部`);
    const relation = input.relation ?? allowed[0]!;
    if (!allowed.includes(relation))
      throw invalid(
        'relation',
        `${PARTY_ORG_KIND_LABELS[org.kind]}只能以“${allowed.map((r) => PAIRING_RELATION_LABELS[r]).join('”或“')}”结对`,
      );
    const [unit] = await tx.select().from(coUnits).where(eq(coUnits.id, input.coUnitId));
    if (!unit) throw invalid('coUnitId', '共建单位不存在');
    const [row] = await tx
      .insert(coUnitPairings)
      .values({
        coUnitId: unit.id,
        partyOrgId: org.id,
        relation,
        agreement: input.agreement || null,
        signedOn: input.signedOn ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: `${unit.name}已与${org.name}结对` });
    await recordAudit(tx, actor, {
      action: 'party.pairing.create',
      targetType: 'co_unit_pairing',
      targetId: row.id,
      scopePath: org.scopePath,
      summary: { coUnit: unit.name, org: org.name, relation },
    });
    return {
      id: row.id,
      coUnitId: unit.id,
      coUnitName: unit.name,
      coUnitType: unit.type,
      relation: row.relation,
      agreement: row.agreement,
      signedOn: row.signedOn,
    };
  });
}

/** Ends a pairing (the audit row keeps who ended which pairing and when). */
export async function endPairing(db: Db, actor: Actor, pairingId: number) {
  return withTx(db, async (tx) => {
    const [pairing] = await tx
      .select({ p: coUnitPairings, unit: coUnits.name })
      .from(coUnitPairings)
      .innerJoin(coUnits, eq(coUnits.id, coUnitPairings.coUnitId))
      .where(eq(coUnitPairings.id, pairingId))
      .for('update', { of: coUnitPairings });
    if (!pairing) throw new AppError('NOT_FOUND');
    const org = await loadPartyOrgFor(tx, actor, pairing.p.partyOrgId);
    authorizePartyOrg(actor, 'manage', org);
    await tx.delete(coUnitPairings).where(eq(coUnitPairings.id, pairingId));
    await recordAudit(tx, actor, {
      action: 'party.pairing.end',
      targetType: 'co_unit_pairing',
      targetId: pairingId,
      scopePath: org.scopePath,
      summary: { coUnit: pairing.unit, org: org.name, relation: pairing.p.relation, signedOn: pairing.p.signedOn },
    });
  });
}
