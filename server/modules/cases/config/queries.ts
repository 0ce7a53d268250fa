import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Db } from '../../../platform/db/open.ts';
import { underPath } from '../../../platform/scope.ts';
import { orgNodes } from '../../org/schema.ts';
import { DEFAULT_LIMITS } from '../categories-seed.ts';
import { configAbilities } from '../config-policy.ts';
import { questionsByCategory } from '../questions.ts';
import { caseCategories, slaOverrides } from '../schema.ts';

/**
 * The whole tree as administrators see it: retired categories included, each with its questions
 * and the overrides set for nodes in the actor's scope (and for the nodes above it, which apply too).
 */
export async function configTree(db: Db, actor: Actor) {
  const rows = await db.select().from(caseCategories).orderBy(asc(caseCategories.code));
  const [questions, overrides] = await Promise.all([
    questionsByCategory(
      db,
      rows.map((r) => r.id),
    ),
    actor.scopePath
      ? db
          .select({
            categoryId: slaOverrides.categoryId,
            nodeId: slaOverrides.nodeId,
            nodeName: orgNodes.name,
            nodeLevel: orgNodes.level,
            acceptMinutes: slaOverrides.acceptMinutes,
            signMinutes: slaOverrides.signMinutes,
            handleMinutes: slaOverrides.handleMinutes,
            verifyMinutes: slaOverrides.verifyMinutes,
          })
          .from(slaOverrides)
          .innerJoin(orgNodes, eq(orgNodes.id, slaOverrides.nodeId))
          .where(sql`(${underPath(orgNodes.path, actor.scopePath)} or ${actor.scopePath} like ${orgNodes.path} || '%')`)
          .orderBy(asc(orgNodes.code))
      : [],
  ]);
  const withExtras = (r: (typeof rows)[number]) => ({
    ...r,
    questions: questions.get(r.id) ?? [],
    overrides: overrides.filter((o) => o.categoryId === r.id),
  });
  return {
    data: rows
      .filter((r) => r.parentId === null)
      .map((g) => ({ ...withExtras(g), children: rows.filter((c) => c.parentId === g.id).map(withExtras) })),
    defaults: DEFAULT_LIMITS,
    abilities: configAbilities(actor),
  };
}
