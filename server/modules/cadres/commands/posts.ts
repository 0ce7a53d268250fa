import { and, eq, isNull } from 'drizzle-orm';
import { POST_KIND_LABELS, type PostKind } from '../../../../contracts/cadres.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { actorCovers } from '../../../platform/scope.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import type { NodeLevel } from '../../org/schema.ts';
import { loadCadre } from '../load.ts';
import { authorizeCadres, requireCadreAbility } from '../policy.ts';
import { cadrePosts, cadreReserve } from '../schema.ts';

const SIX: NodeLevel[] = ['grid', 'estate', 'building'];
/** Where each post exists in the governance tree. */
const POST_LEVELS: Record<PostKind, NodeLevel[]> = {
  first_secretary: ['community'],
  community_committee: ['community'],
  contact_leader: ['street', 'community', 'grid'],
  estate_secretary: ['estate', 'grid'],
  branch_committee: ['community', 'grid', 'estate'],
  building_leader: ['estate', 'building'],
  policy_promoter: SIX,
  info_collector: SIX,
  mediator: SIX,
  safety_inspector: SIX,
  civility_supervisor: SIX,
  volunteer_organiser: SIX,
};
const LEVEL_NAMES: Record<string, string> = {
  street: '街道',
  community: '社区',
  grid: '网格',
  estate: '小区/街巷',
  building: '楼栋',
};

/**
 * Appoints a person to a post at a node. The person's record must be visible to the appointer;
 * a reserve-pool entry of theirs for this kind of post is marked 'appointed' in the same step.
 */
export async function appointPost(
  db: Db,
  actor: Actor,
  input: { nodeId: number; cadreId: number; kind: PostKind; title: string; startedOn: string },
) {
  requireCadreAbility(actor, 'manage');
  return withTx(db, async (tx) => {
    const node = await loadNodeInScope(tx, actor, input.nodeId).catch(() => {
      throw invalid('nodeId', '任职节点不存在或不在管辖范围内');
    });
    authorizeCadres(actor, 'manage', { scopePath: node.path });
    const levels = POST_LEVELS[input.kind];
    if (!levels.includes(node.level))
      throw invalid('kind', `${POST_KIND_LABELS[input.kind]}须设在${levels.map((l) => LEVEL_NAMES[l]).join('、')}`);
    const cadre = await loadCadre(tx, actor, input.cadreId).catch(() => {
      throw invalid('cadreId', '人员不存在或不在管辖范围内');
    });
    const [row] = await tx
      .insert(cadrePosts)
      .values({
        cadreId: cadre.id,
        nodeId: node.id,
        nodePath: node.path,
        kind: input.kind,
        title: input.title || POST_KIND_LABELS[input.kind],
        startedOn: input.startedOn,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: cadrePosts.id });
    if (!row)
      throw new AppError('DUPLICATE', {
        message: `${node.name}已有在任的${POST_KIND_LABELS[input.kind]}，请先办理离任`,
      });
    await tx
      .update(cadreReserve)
      .set({ state: 'appointed', updatedAt: new Date() })
      .where(and(eq(cadreReserve.cadreId, cadre.id), eq(cadreReserve.targetKind, input.kind)));
    await recordAudit(tx, actor, {
      action: 'cadres.appoint',
      targetType: 'cadre_post',
      targetId: row.id,
      scopePath: node.path,
      summary: { cadreId: cadre.id, name: cadre.name, kind: input.kind, node: node.name },
    });
    return row;
  });
}

/** Ends an open post (离任): it stays in the person's history. */
export async function endPost(db: Db, actor: Actor, id: number, endedOn: string) {
  requireCadreAbility(actor, 'manage');
  return withTx(db, async (tx) => {
    const [post] = await tx.select().from(cadrePosts).where(eq(cadrePosts.id, id)).for('update');
    if (!post || !actorCovers(actor, post.nodePath)) throw new AppError('NOT_FOUND');
    authorizeCadres(actor, 'manage', { scopePath: post.nodePath });
    if (post.endedOn) throw new AppError('CONFLICT', { message: '该岗位已离任' });
    if (endedOn < post.startedOn) throw invalid('endedOn', '离任日期不能早于任职日期');
    await tx
      .update(cadrePosts)
      .set({ endedOn })
      .where(and(eq(cadrePosts.id, id), isNull(cadrePosts.endedOn)));
    await recordAudit(tx, actor, {
      action: 'cadres.end_post',
      targetType: 'cadre_post',
      targetId: id,
      scopePath: post.nodePath,
      summary: { cadreId: post.cadreId, kind: post.kind, endedOn },
    });
    return { ok: true as const };
  });
}
