import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/open.ts';
import { underPath } from '../../platform/scope.ts';
import { coUnitPairings, coUnits, departments, orgNodes, partyOrgs } from './schema.ts';

/** Party organisations under a governance path, with their co-building units ("1+N+X"). */
export async function partyOrgsUnder(db: Db, path: string) {
  const orgs = await db
    .select()
    .from(partyOrgs)
    .where(underPath(partyOrgs.scopePath, path))
    .orderBy(asc(partyOrgs.id))
    .limit(2000);
  const ids = orgs.map((o) => o.id);
  const pairings = ids.length
    ? await db
        .select({
          partyOrgId: coUnitPairings.partyOrgId,
          relation: coUnitPairings.relation,
          unit: coUnits.name,
          unitType: coUnits.type,
        })
        .from(coUnitPairings)
        .innerJoin(coUnits, eq(coUnits.id, coUnitPairings.coUnitId))
        .where(inArray(coUnitPairings.partyOrgId, ids))
    : [];
  return orgs.map((o) => ({
    id: o.id,
    parentId: o.parentId,
    kind: o.kind,
    name: o.name,
    nodeId: o.nodeId,
    secretaryName: o.secretaryName,
    coUnits: pairings
      .filter((p) => p.partyOrgId === o.id)
      .map((p) => ({ name: p.unit, type: p.unitType, relation: p.relation })),
  }));
}

/** Departments serving the node or any of its ancestors (district-level bureaus serve every street). */
export async function departmentsFor(db: Db, path: string) {
  return db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      servesNodeId: departments.servesNodeId,
      servesName: orgNodes.name,
    })
    .from(departments)
    .innerJoin(orgNodes, eq(orgNodes.id, departments.servesNodeId))
    .where(sql`${path} like ${orgNodes.path} || '%' or ${underPath(orgNodes.path, path)}`)
    .orderBy(asc(departments.code), asc(departments.id));
}
