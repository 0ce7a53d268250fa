import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { loadNodeInScope } from '../../org/load-node.ts';
import { publishBoardChange } from '../live.ts';
import { authorizeBoard } from '../policy.ts';
import { boards } from '../schema.ts';

const BOARD_LEVELS = new Set(['community', 'grid', 'estate', 'building']);

export async function createBoard(db: Db, actor: Actor, input: { nodeId: number; name?: string }) {
  return withTx(db, async (tx) => {
    const node = await loadNodeInScope(tx, actor, input.nodeId);
    if (!BOARD_LEVELS.has(node.level)) throw invalid('nodeId', '四合院须建在社区、网格、小区/街巷或楼栋');
    authorizeBoard(actor, 'manage', { scopePath: node.path });
    const [row] = await tx
      .insert(boards)
      .values({ nodeId: node.id, scopePath: node.path, name: input.name ?? `${node.name}四合院` })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('DUPLICATE', { message: '该节点已有四合院' });
    await recordAudit(tx, actor, {
      action: 'boards.create',
      targetType: 'board',
      targetId: row.id,
      scopePath: node.path,
      summary: { name: row.name },
    });
    await publishBoardChange(tx, { boardId: row.id, scopePath: node.path, action: 'board' });
    return row;
  });
}
