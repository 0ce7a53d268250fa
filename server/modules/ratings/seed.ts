import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import type { SeededTree } from '../org/demo-tree.ts';
import { orgNodes } from '../org/schema.ts';
import { propertyCompanies, propertyCompanyEstates } from './schema.ts';

const COMPANIES = ['苏房物业', '姑苏城投物业', '金枫物业', '绿城服务'];

/** Property companies per street, each managing a share of the street's estates (round-robin). */
export async function seedPropertyCompanies(tx: Tx, tree: SeededTree): Promise<void> {
  for (const street of tree.streets) {
    const short = street.name.replace(/街道$/, '');
    const companies = await tx
      .insert(propertyCompanies)
      .values(
        COMPANIES.map((name) => ({ name: `${name}（${short}项目部）`, streetId: street.id, streetPath: street.path })),
      )
      .returning({ id: propertyCompanies.id });
    const estates = await tx
      .select({ id: orgNodes.id, path: orgNodes.path })
      .from(orgNodes)
      .where(and(eq(orgNodes.level, 'estate'), underPath(orgNodes.path, street.path)))
      .orderBy(asc(orgNodes.code));
    const rows = estates.map((e, i) => ({
      estateNodeId: e.id,
      estatePath: e.path,
      companyId: companies[i % companies.length]!.id,
    }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(propertyCompanyEstates).values(rows.slice(i, i + 1000));
  }
}
