import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPartyOrgBody, updatePartyOrgBody } from '../../../../contracts/party-orgs.ts';
import { PARTY_ORG_KIND_LABELS } from '../../../../contracts/party-orgs.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { actorCovers, isUnder } from '../../../platform/scope.ts';
import { orgNodes, partyOrgs } from '../../org/schema.ts';
import { loadPartyOrgFor, ORG_RULES, type PartyOrgRow } from '../org-tree.ts';
import { authorizePartyOrg, authorizeTopPartyOrg } from '../policy.ts';
import { partyMembers } from '../schema.ts';

type CreateInput = z.infer<typeof createPartyOrgBody>;

const retiredError = () => new AppError('CASE_INVALID_TRANSITION', { message: '该党组织已撤销' });

/** Sibling names must differ (two "第1网格党支部" under one joint committee would be indistinguishable). */
async function assertNameFree(tx: Tx, parentId: number | null, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(
      and(
        parentId === null ? isNull(partyOrgs.parentId) : eq(partyOrgs.parentId, parentId),
        eq(partyOrgs.name, name),
        isNull(partyOrgs.retiredAt),
        exceptId ? ne(partyOrgs.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw invalid('name', '同一上级组织下已有同名党组织');
}

/** The governance node a new organisation stands on: right level, inside the parent's area, not retired, not taken. */
async function nodeFor(tx: Tx, actor: Actor, input: CreateInput, area: string) {
  const level = ORG_RULES[input.kind].node;
  if (!level) {
    if (input.nodeId !== undefined) throw invalid('nodeId', '功能型党小组不对应治理节点');
    return null;
  }
  if (input.nodeId === undefined)
    throw invalid('nodeId', `请选择${{ street: '街道', community: '社区', grid: '网格', building: '楼栋' }[level]}`);
  const [node] = await tx.select().from(orgNodes).where(eq(orgNodes.id, input.nodeId));
  if (!node || node.level !== level || node.retiredAt || !isUnder(node.path, area) || !actorCovers(actor, node.path)) {
    throw invalid('nodeId', '所选节点不存在、已撤销或不在上级组织的范围内');
  }
  // One active organisation of a kind per node; the lock makes two simultaneous creations queue.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('party_org_node'), ${node.id})`);
  const [taken] = await tx
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.nodeId, node.id), eq(partyOrgs.kind, input.kind), isNull(partyOrgs.retiredAt)))
    .limit(1);
  if (taken) throw new AppError('DUPLICATE', { message: `${node.name}已有${PARTY_ORG_KIND_LABELS[input.kind]}` });
  return node;
}

/** Creates a party organisation under a parent (or a street's working committee, which has none). */
export async function createPartyOrg(db: Db, actor: Actor, input: CreateInput): Promise<PartyOrgRow> {
  return withTx(db, async (tx) => {
    const rule = ORG_RULES[input.kind];
    let parent: PartyOrgRow | null = null;
    if (rule.parents.length) {
      if (input.parentId === undefined) throw invalid('parentId', '请选择上级党组织');
      parent = await loadPartyOrgFor(tx, actor, input.parentId, true);
      authorizePartyOrg(actor, 'manage', parent);
      if (parent.retiredAt) throw retiredError();
      if (!rule.parents.includes(parent.kind))
        throw invalid('kind', `${PARTY_ORG_KIND_LABELS[parent.kind]}下不能设立${PARTY_ORG_KIND_LABELS[input.kind]}`);
    } else {
      if (input.parentId !== undefined) throw invalid('parentId', '街道党工委没有上级组织');
      authorizeTopPartyOrg(actor);
    }
    const node = await nodeFor(tx, actor, input, parent?.scopePath ?? actor.scopePath!);
    // A building group is filed under its grid (as seeded), so the grid's staff see it.
    const scopePath = !node || input.kind === 'building_group' ? parent!.scopePath : node.path;
    await assertNameFree(tx, parent?.id ?? null, input.name);
    const [row] = await tx
      .insert(partyOrgs)
      .values({
        parentId: parent?.id ?? null,
        kind: input.kind,
        name: input.name,
        nodeId: node?.id ?? null,
        scopePath,
        secretaryName: input.secretaryName ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'party.org.create',
      targetType: 'party_org',
      targetId: row!.id,
      scopePath,
      summary: { kind: input.kind, name: input.name, parentId: parent?.id ?? null, nodeId: node?.id ?? null },
    });
    return row!;
  });
}

export async function updatePartyOrg(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof updatePartyOrgBody>,
): Promise<PartyOrgRow> {
  return withTx(db, async (tx) => {
    const org = await loadPartyOrgFor(tx, actor, id, true);
    authorizePartyOrg(actor, 'manage', org);
    if (org.retiredAt) throw retiredError();
    if (input.name !== undefined && input.name !== org.name) await assertNameFree(tx, org.parentId, input.name, org.id);
    const [row] = await tx
      .update(partyOrgs)
      .set({
        name: input.name ?? org.name,
        secretaryName: input.secretaryName === undefined ? org.secretaryName : input.secretaryName,
      })
      .where(eq(partyOrgs.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'party.org.update',
      targetType: 'party_org',
      targetId: id,
      scopePath: org.scopePath,
      summary: {
        from: { name: org.name, secretaryName: org.secretaryName },
        to: { name: row!.name, secretaryName: row!.secretaryName },
      },
    });
    return row!;
  });
}

/**
 * Retires an organisation (撤销): it keeps its name, members' history and pairings but leaves the
 * tree. Refused while it still has active sub-organisations or members: they must move first.
 */
export async function retirePartyOrg(db: Db, actor: Actor, id: number): Promise<PartyOrgRow> {
  return withTx(db, async (tx) => {
    const org = await loadPartyOrgFor(tx, actor, id, true);
    authorizePartyOrg(actor, 'manage', org);
    if (org.retiredAt) throw retiredError();
    const [[children], [members]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(partyOrgs)
        .where(and(eq(partyOrgs.parentId, id), isNull(partyOrgs.retiredAt))),
      tx
        .select({ n: count() })
        .from(partyMembers)
        .where(and(eq(partyMembers.branchOrgId, id), isNull(partyMembers.leftOn))),
    ]);
    if (Number(children?.n ?? 0) > 0)
      throw new AppError('IN_USE', { message: `该组织下还有 ${children!.n} 个下级党组织，请先撤销下级组织` });
    if (Number(members?.n ?? 0) > 0)
      throw new AppError('IN_USE', { message: `该组织还有 ${members!.n} 名党员，请先转接组织关系` });
    const [row] = await tx.update(partyOrgs).set({ retiredAt: new Date() }).where(eq(partyOrgs.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'party.org.retire',
      targetType: 'party_org',
      targetId: id,
      scopePath: org.scopePath,
      summary: { name: org.name, kind: org.kind },
    });
    return row!;
  });
}
