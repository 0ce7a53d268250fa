import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { WallEntry, ZoneView } from '../../../contracts/outreach.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { users } from '../accounts/schema.ts';
import { memberNames, yearCommitments } from '../party/index.ts';
import { outreachHouseholds, outreachZoneBuildings, outreachZones } from './schema.ts';

/** "金色家园 3幢" for a home node (a house or a building): the building, never the flat. */
async function buildingNames(db: Queryable, homeNodeIds: number[]) {
  if (!homeNodeIds.length) return new Map<number, string>();
  const { rows } = await db.execute<{ id: number; name: string }>(sql`
    select h.id, concat_ws(' ', e.name, b.name) as name
    from org_nodes h
    join org_nodes b on b.id = case when h.level = 'house' then h.parent_id else h.id end
    left join org_nodes e on e.id = b.parent_id and e.level = 'estate'
    where h.id in (${sql.join(
      homeNodeIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** 党群连心墙: the community's party-member households that opted in, with this year's commitments. */
export async function wallOf(db: Queryable, communityId: number, year: number): Promise<WallEntry[]> {
  const rows = await db
    .select()
    .from(outreachHouseholds)
    .where(eq(outreachHouseholds.communityId, communityId))
    .orderBy(asc(outreachHouseholds.housePath));
  const ids = rows.map((r) => r.memberId);
  const [names, buildings, commitments] = await Promise.all([
    memberNames(db, ids),
    buildingNames(
      db,
      rows.map((r) => r.houseNodeId),
    ),
    yearCommitments(db, ids, year),
  ]);
  // A member who has left the party (no longer in memberNames) drops off the wall.
  return rows
    .filter((r) => names.has(r.memberId))
    .map((r) => ({
      name: names.get(r.memberId)!,
      building: buildings.get(r.houseNodeId) ?? '',
      commitments: commitments
        .filter((c) => c.memberId === r.memberId)
        .map((c) => ({ content: c.content, state: c.state })),
    }));
}

/** Zones by id, with their buildings' names, the responsibility member and the service member. */
export async function zoneViews(db: Queryable, zoneIds: number[]): Promise<ZoneView[]> {
  if (!zoneIds.length) return [];
  const zones = await db
    .select()
    .from(outreachZones)
    .where(inArray(outreachZones.id, zoneIds))
    .orderBy(asc(outreachZones.id));
  const { rows: buildings } = await db.execute<{ zone_id: number; id: number; name: string }>(sql`
    select zb.zone_id, b.id, concat_ws(' ', e.name, b.name) as name
    from outreach_zone_buildings zb join org_nodes b on b.id = zb.building_node_id
    left join org_nodes e on e.id = b.parent_id and e.level = 'estate'
    where zb.zone_id in (${sql.join(
      zoneIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by b.path`);
  const [members, staff] = await Promise.all([
    memberNames(
      db,
      zones.map((z) => z.responsibilityMemberId),
    ),
    db
      .select({ id: users.id, name: users.displayName, phone: users.phone })
      .from(users)
      .where(
        inArray(
          users.id,
          zones.map((z) => z.serviceUserId),
        ),
      ),
  ]);
  return zones.map((z) => {
    const s = staff.find((u) => u.id === z.serviceUserId);
    return {
      id: z.id,
      name: z.name,
      buildings: buildings.filter((b) => Number(b.zone_id) === z.id).map((b) => ({ id: Number(b.id), name: b.name })),
      responsibilityMember: {
        id: z.responsibilityMemberId,
        name: members.get(z.responsibilityMemberId) ?? '（已调离）',
      },
      serviceMember: { id: z.serviceUserId, name: s?.name ?? '', phone: s?.phone ?? null },
    };
  });
}

export async function zonesOfCommunity(db: Queryable, communityId: number) {
  const rows = await db
    .select({ id: outreachZones.id })
    .from(outreachZones)
    .where(eq(outreachZones.communityId, communityId));
  return zoneViews(
    db,
    rows.map((r) => r.id),
  );
}

/** The zone holding a building, or null. */
export async function zoneOfBuilding(db: Queryable, buildingNodeId: number) {
  const [row] = await db
    .select({ zoneId: outreachZoneBuildings.zoneId })
    .from(outreachZoneBuildings)
    .where(eq(outreachZoneBuildings.buildingNodeId, buildingNodeId));
  if (!row) return null;
  return (await zoneViews(db, [row.zoneId]))[0] ?? null;
}

/** The community's buildings for the zone form, each with the zone that holds it. */
export async function buildingsOfCommunity(db: Queryable, communityPath: string) {
  const { rows } = await db.execute<{ id: number; name: string; zone_id: number | null }>(sql`
    select b.id, concat_ws(' ', e.name, b.name) as name, zb.zone_id
    from org_nodes b left join org_nodes e on e.id = b.parent_id and e.level = 'estate'
    left join outreach_zone_buildings zb on zb.building_node_id = b.id
    where b.level = 'building' and b.path like ${`${communityPath}%`}
    order by b.path limit 3000`);
  return rows.map((r) => ({ id: Number(r.id), name: r.name, zoneId: r.zone_id === null ? null : Number(r.zone_id) }));
}

export const staffRolesForZones = ['community_secretary', 'community_staff', 'grid_worker'] as const;
