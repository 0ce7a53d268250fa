import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { childPath } from '../../../platform/scope.ts';
import { planImport, type FeaturePlan } from '../boundary-import/plan-import.ts';
import { readBoundaryFile } from '../boundary-import/read-boundary-file.ts';
import { loadNodeInScope } from '../load-node.ts';
import { authorizeOrg } from '../policy.ts';
import { orgNodes, type OrgNodeRow } from '../schema.ts';
import { bboxColumns } from './check-grid-geometry.ts';

export interface ImportOptions {
  dryRun: boolean;
  toleranceM2: number;
}

/**
 * Imports the boundaries of a street's communities or a community's grids from one file.
 * A dry run only reports; otherwise the whole file is written in one transaction, or nothing
 * when any feature is in error (a half-imported map would leave gaps no one asked for).
 */
export async function importBoundaries(
  db: Db,
  actor: Actor,
  parentId: number,
  file: { filename: string; bytes: Buffer },
  opts: ImportOptions,
) {
  // Scope and ability before reading the file: outside scope is 404 whatever was uploaded.
  authorizeOrg(actor, 'write_grid', await loadNodeInScope(db, actor, parentId));
  const raw = await readBoundaryFile(file.filename, file.bytes);
  return withTx(db, async (tx) => {
    const parent = await loadNodeInScope(tx, actor, parentId);
    // Serialise boundary edits under this parent, as drawing a grid does.
    if (!opts.dryRun) await tx.execute(sql`select id from org_nodes where id = ${parent.id} for update`);
    const plan = await planImport(tx, parent, raw, opts.toleranceM2);
    const count = (a: FeaturePlan['action']) => plan.features.filter((f) => f.action === a).length;
    const summary = {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      error: count('error'),
    };
    const report = (applied: boolean) => ({
      parent: { id: parent.id, code: parent.code, name: parent.name, level: parent.level },
      childLevel: plan.childLevel,
      dryRun: opts.dryRun,
      applied,
      toleranceM2: opts.toleranceM2,
      summary,
      warnings: plan.warnings,
      features: plan.features.map(({ geometry: _g, ...f }) => f),
    });
    if (opts.dryRun) return report(false);
    if (summary.error > 0) {
      const details = plan.features
        .filter((f) => f.action === 'error')
        .flatMap((f) => f.messages.map((message) => ({ path: `features[${f.index}]`, message })));
      throw new AppError('VALIDATION_FAILED', {
        message: `有 ${summary.error} 个要素存在错误，未导入任何边界：${details[0]?.message ?? ''}`,
        details: details.slice(0, 50),
      });
    }
    for (const f of plan.features) await writeFeature(tx, actor, parent, plan.childLevel, f);
    await recordAudit(tx, actor, {
      action: 'org.boundary.import',
      targetType: 'org_node',
      targetId: parent.id,
      scopePath: parent.path,
      summary: {
        filename: file.filename,
        toleranceM2: opts.toleranceM2,
        ...summary,
        snappedM2: Math.round(plan.features.reduce((s, f) => s + f.snappedM2, 0) * 10) / 10,
      },
    });
    return report(true);
  });
}

async function writeFeature(
  tx: Queryable,
  actor: Actor,
  parent: OrgNodeRow,
  level: 'community' | 'grid',
  f: FeaturePlan,
): Promise<void> {
  const geometry = f.geometry!;
  const changes = {
    areaBeforeM2: f.areaBeforeM2,
    areaAfterM2: f.areaAfterM2,
    snappedM2: f.snappedM2,
    source: 'import',
  };
  if (f.action === 'created') {
    const [row] = await tx
      .insert(orgNodes)
      .values({
        parentId: parent.id,
        level: 'grid',
        code: f.code!,
        name: f.name!,
        path: 'pending',
        geometry,
        ...bboxColumns(geometry),
      })
      .returning();
    const path = childPath(parent.path, row!.id);
    await tx.update(orgNodes).set({ path }).where(eq(orgNodes.id, row!.id));
    f.nodeId = row!.id;
    await recordAudit(tx, actor, {
      action: 'org.grid.create',
      targetType: 'org_node',
      targetId: row!.id,
      scopePath: path,
      summary: { code: f.code, name: f.name, ...changes },
    });
  } else if (f.action === 'updated') {
    const [row] = await tx
      .update(orgNodes)
      .set({ geometry, ...bboxColumns(geometry), updatedAt: sql`now()` })
      .where(eq(orgNodes.id, f.nodeId!))
      .returning({ path: orgNodes.path });
    await recordAudit(tx, actor, {
      action: level === 'grid' ? 'org.grid.redraw' : 'org.community.redraw',
      targetType: 'org_node',
      targetId: f.nodeId,
      scopePath: row!.path,
      summary: { code: f.code, ...changes },
    });
  }
}
