import { eq } from 'drizzle-orm';
import { cadreBody, type CadreBody } from '../../../../contracts/cadres.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { loadCadre } from '../load.ts';
import { authorizeCadres, requireCadreAbility } from '../policy.ts';
import { cadres } from '../schema.ts';

/** Records are kept by a community or a street (or the district), never by a grid or a house. */
const KEEPING_LEVELS = new Set(['district', 'street', 'community']);

async function keepingNode(tx: Tx, actor: Actor, nodeId: number) {
  const node = await loadNodeInScope(tx, actor, nodeId).catch(() => {
    throw invalid('nodeId', '管理单位不存在或不在管辖范围内');
  });
  if (!KEEPING_LEVELS.has(node.level)) throw invalid('nodeId', '干部档案由社区、街道或区管理');
  authorizeCadres(actor, 'manage', { scopePath: node.path });
  return node;
}

function columns(input: ReturnType<typeof cadreBody.parse>) {
  return {
    name: input.name,
    gender: input.gender,
    birthYear: input.birthYear,
    phone: input.phone,
    partyMember: input.partyMember,
    unit: input.unit,
    external: input.external,
    note: input.note,
  };
}

export async function createCadre(db: Db, actor: Actor, body: CadreBody) {
  const input = cadreBody.parse(body);
  requireCadreAbility(actor, 'manage');
  return withTx(db, async (tx) => {
    const node = await keepingNode(tx, actor, input.nodeId);
    const [row] = await tx
      .insert(cadres)
      .values({ ...columns(input), nodeId: node.id, scopePath: node.path })
      .returning({ id: cadres.id });
    await recordAudit(tx, actor, {
      action: 'cadres.create',
      targetType: 'cadre',
      targetId: row!.id,
      scopePath: node.path,
      summary: { name: input.name, unit: input.unit, external: input.external },
    });
    return row!;
  });
}

export async function updateCadre(db: Db, actor: Actor, id: number, body: CadreBody) {
  const input = cadreBody.parse(body);
  requireCadreAbility(actor, 'manage');
  return withTx(db, async (tx) => {
    const current = await loadCadre(tx, actor, id);
    authorizeCadres(actor, 'manage', current);
    const node = await keepingNode(tx, actor, input.nodeId);
    await tx
      .update(cadres)
      .set({ ...columns(input), nodeId: node.id, scopePath: node.path })
      .where(eq(cadres.id, id));
    await recordAudit(tx, actor, {
      action: 'cadres.update',
      targetType: 'cadre',
      targetId: id,
      scopePath: node.path,
      summary: { name: input.name, unit: input.unit, external: input.external },
    });
    return { id };
  });
}
