import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/tx.ts';
import { underPath } from '../../platform/scope.ts';
import { GridLocator } from '../org/geo/grid-locator.ts';
import type { GeoArea } from '../org/geo/types.ts';
import { orgNodes } from '../org/schema.ts';

/**
 * Reads of the shared governance tree (allowed: it is the address book of every module).
 * A house's address is its chain of node names; it is copied onto base-data rows at write time
 * so that address search needs no join.
 */
export interface HouseRef {
  id: number;
  code: string;
  path: string;
  address: string;
  gridId: number;
}
export interface GridRef {
  id: number;
  code: string;
  path: string;
  name: string;
}

const building = alias(orgNodes, 'b');
const estate = alias(orgNodes, 'e');
const grid = alias(orgNodes, 'g');
const community = alias(orgNodes, 'c');

function houseAddress(r: { community: string; estate: string; building: string; unit: unknown; room: string }): string {
  const unit = r.unit ? `${String(r.unit)}单元` : '';
  // Lane houses are named after their lane ("紫兰巷1号" in 紫兰巷): do not say the lane twice.
  const building = r.building.startsWith(r.estate) ? r.building.slice(r.estate.length) : r.building;
  return `${r.community}${r.estate}${building}${unit}${r.room}`;
}

/** House nodes with the names of their building, estate, grid and community: one join chain for every read. */
function houseRows(q: Queryable, where: ReturnType<typeof and>) {
  return q
    .select({
      id: orgNodes.id,
      code: orgNodes.code,
      path: orgNodes.path,
      room: orgNodes.name,
      unit: sql<string | null>`${orgNodes.attrs}->>'unit'`,
      floor: sql<string | null>`${orgNodes.attrs}->>'floor'`,
      building: building.name,
      estate: estate.name,
      gridId: grid.id,
      grid: grid.name,
      community: community.name,
    })
    .from(orgNodes)
    .innerJoin(building, eq(building.id, orgNodes.parentId))
    .innerJoin(estate, eq(estate.id, building.parentId))
    .innerJoin(grid, eq(grid.id, estate.parentId))
    .innerJoin(community, eq(community.id, grid.parentId))
    .where(and(eq(orgNodes.level, 'house'), where));
}

async function houses(q: Queryable, where: ReturnType<typeof and>): Promise<HouseRef[]> {
  const rows = await houseRows(q, where);
  return rows.map((r) => ({ id: r.id, code: r.code, path: r.path, gridId: r.gridId, address: houseAddress(r) }));
}

/** House nodes by code, restricted to those under `scopePath`. */
export async function houseRefsByCode(
  q: Queryable,
  codes: string[],
  scopePath: string,
): Promise<Map<string, HouseRef>> {
  if (!codes.length) return new Map();
  const rows = await houses(
    q,
    and(sql`${orgNodes.code} = any(${sql.param(codes)}::text[])`, underPath(orgNodes.path, scopePath)),
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** A house's address as its parts (detail page): community … room, with unit and floor from the node's attributes. */
export interface HouseAddressParts {
  community: string;
  grid: string;
  estate: string;
  building: string;
  unit: string | null;
  floor: string | null;
  room: string;
}

export async function houseAddressParts(q: Queryable, id: number): Promise<HouseAddressParts | null> {
  const [r] = await houseRows(q, eq(orgNodes.id, id));
  return r
    ? {
        community: r.community,
        grid: r.grid,
        estate: r.estate,
        building: r.building,
        unit: r.unit,
        floor: r.floor,
        room: r.room,
      }
    : null;
}

/** Addresses of house nodes by id (residence history), whatever the caller's scope: the caller filters rows first. */
export async function houseAddressesById(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await houses(q, sql`${orgNodes.id} = any(${sql.param(ids)}::int[])`);
  return new Map(rows.map((r) => [r.id, r.address]));
}

export async function houseRefById(q: Queryable, id: number, scopePath: string): Promise<HouseRef | null> {
  const [row] = await houses(q, and(eq(orgNodes.id, id), underPath(orgNodes.path, scopePath)));
  return row ?? null;
}

export async function gridRefsByCode(q: Queryable, codes: string[], scopePath: string): Promise<Map<string, GridRef>> {
  if (!codes.length) return new Map();
  const rows = await q
    .select({ id: orgNodes.id, code: orgNodes.code, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.level, 'grid'),
        sql`${orgNodes.code} = any(${sql.param(codes)}::text[])`,
        underPath(orgNodes.path, scopePath),
      ),
    );
  return new Map(rows.map((r) => [r.code, r]));
}

export async function gridRefsById(q: Queryable, ids: number[]): Promise<Map<number, GridRef>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: orgNodes.id, code: orgNodes.code, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'grid'), sql`${orgNodes.id} = any(${sql.param(ids)}::int[])`));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A grid node inside the actor's scope, for list filters (null: not there). */
export async function gridPathInScope(q: Queryable, gridId: number, scopePath: string): Promise<string | null> {
  const [row] = await q
    .select({ path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, gridId), eq(orgNodes.level, 'grid'), underPath(orgNodes.path, scopePath)));
  return row?.path ?? null;
}

/** The 6-digit district code components must carry (the district at the root of the tree). */
export async function districtCodeOf(q: Queryable, path: string): Promise<string | null> {
  const rootId = Number(path.split('/')[1]);
  const [row] = await q.select({ code: orgNodes.code }).from(orgNodes).where(eq(orgNodes.id, rootId));
  return row?.code.slice(0, 6) ?? null;
}

/**
 * A point → grid index over the grids under `scopePath`, built once per import: the shared
 * GridLookup checks the grids' fingerprint on every call, one query per point, which made a
 * component import crawl (87 rows/s). Grid boundaries do not move during one import.
 */
export async function gridLocatorFor(q: Queryable, scopePath: string): Promise<GridLocator> {
  const grids = await q
    .select({ id: orgNodes.id, code: orgNodes.code, geometry: orgNodes.geometry })
    .from(orgNodes)
    .where(and(eq(orgNodes.level, 'grid'), sql`${orgNodes.geometry} is not null`, underPath(orgNodes.path, scopePath)));
  return GridLocator.build(grids.map((g) => ({ id: g.id, code: g.code, polygon: g.geometry as GeoArea })));
}
