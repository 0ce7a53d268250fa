import { and, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import type { SeededTree } from '../org/demo-tree.ts';
import { orgNodes } from '../org/schema.ts';
import { boards } from './schema.ts';

/** Boards for every grid, estate and building of the demo accounts' community (云上四合院). */
export async function seedBoards(tx: Tx, tree: SeededTree): Promise<void> {
  const community = tree.streets[0]?.communities[0];
  if (!community) return;
  const nodes = await tx
    .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, level: orgNodes.level })
    .from(orgNodes)
    .where(and(underPath(orgNodes.path, community.path), inArray(orgNodes.level, ['grid', 'estate', 'building'])));
  const rows = [{ id: community.id, name: community.name, path: community.path, level: 'community' }, ...nodes].map(
    (n) => ({ nodeId: n.id, scopePath: n.path, name: `${n.name}${n.level === 'building' ? '邻里群' : '四合院'}` }),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insert(boards)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
}
