import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  bboxQuery,
  componentListQuery,
  componentNearbyQuery,
  entityListQuery,
  houseListQuery,
} from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { underPath } from '../../../platform/scope.ts';
import { gridPathInScope, houseAddressParts, houseRefById } from '../org-refs.ts';
import { peopleScopeWhere } from '../policy.ts';
import { components, entities, houses, residenceHistory, residents, tenancies } from '../schema.ts';
import { COUNT_CAP, pageInfoOf } from './page.ts';
import { tokenSearch } from './search.ts';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

async function gridFilter(
  q: Queryable,
  actor: Actor,
  column: AnyPgColumn,
  gridId: number | undefined,
): Promise<SQL | undefined> {
  if (!gridId) return undefined;
  const path = await gridPathInScope(q, gridId, actor.scopePath ?? '');
  if (!path) throw new AppError('NOT_FOUND');
  return underPath(column, path);
}

async function countCapped(q: Queryable, table: PgTable, where: SQL): Promise<number> {
  const r = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${table} where ${where} limit ${COUNT_CAP + 1}) t`,
  );
  return Number(r.rows[0]?.n ?? 0);
}

type Filters<T> = Omit<T, 'page' | 'pageSize'>;

export async function houseWhere(
  q: Queryable,
  actor: Actor,
  query: Filters<z.infer<typeof houseListQuery>>,
): Promise<SQL> {
  return and(
    peopleScopeWhere(actor, houses.scopePath),
    await gridFilter(q, actor, houses.scopePath, query.gridId),
    query.use ? eq(houses.use, query.use) : undefined,
    query.q ? tokenSearch(houses.searchTokens, [houses.address, houses.ownerName], query.q) : undefined,
  )!;
}

export const houseColumns = {
  id: houses.houseNodeId,
  address: houses.address,
  use: houses.use,
  areaM2: houses.areaM2,
  ownerName: houses.ownerName,
  occupants: sql<number>`(select count(*)::int from ${residents} where ${residents.houseNodeId} = ${houses.houseNodeId} and ${residents.movedOutOn} is null)`,
};

export async function housePage(q: Queryable, actor: Actor, query: z.infer<typeof houseListQuery>) {
  const where = await houseWhere(q, actor, query);
  const [rows, n] = await Promise.all([
    q
      .select(houseColumns)
      .from(houses)
      .where(where)
      .orderBy(asc(houses.scopePath))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countCapped(q, houses, where),
  ]);
  return { data: rows, page: pageInfoOf(query.page, query.pageSize, n) };
}

/**
 * A house node in scope: its address (whole and in parts), recorded facts, current occupants (names
 * only: identity numbers stay on the resident's own masked detail), tenant registrations, and every
 * residence recorded at this house, newest first — who moved in and out, and when.
 */
export async function houseDetail(q: Queryable, actor: Actor, id: number) {
  const ref = await houseRefById(q, id, actor.scopePath ?? '');
  if (!ref) throw new AppError('NOT_FOUND');
  const [[facts], parts, occupants, lets, history] = await Promise.all([
    q.select().from(houses).where(eq(houses.houseNodeId, id)),
    houseAddressParts(q, id),
    q
      .select({
        id: residents.id,
        name: residents.name,
        relation: residents.relation,
        residenceType: residents.residenceType,
        movedInOn: residents.movedInOn,
        careTags: residents.careTags,
      })
      .from(residents)
      .where(and(eq(residents.houseNodeId, id), sql`${residents.movedOutOn} is null`))
      .orderBy(asc(residents.id)),
    q
      .select({
        id: tenancies.id,
        residentId: tenancies.residentId,
        name: residents.name,
        startOn: tenancies.startOn,
        endOn: tenancies.endOn,
        registeredAt: tenancies.registeredAt,
      })
      .from(tenancies)
      .innerJoin(residents, eq(residents.id, tenancies.residentId))
      .where(eq(tenancies.houseNodeId, id))
      .orderBy(desc(tenancies.startOn), desc(tenancies.id)),
    q
      .select({
        residentId: residenceHistory.residentId,
        name: residents.name,
        fromOn: residenceHistory.fromOn,
        toOn: residenceHistory.toOn,
      })
      .from(residenceHistory)
      .innerJoin(residents, eq(residents.id, residenceHistory.residentId))
      .where(eq(residenceHistory.houseNodeId, id))
      .orderBy(desc(residenceHistory.id))
      .limit(200),
  ]);
  return {
    ref,
    parts,
    facts: facts ? { use: facts.use, areaM2: facts.areaM2, ownerName: facts.ownerName } : null,
    occupants,
    tenancies: lets,
    history,
  };
}

export async function entityWhere(
  q: Queryable,
  actor: Actor,
  query: Filters<z.infer<typeof entityListQuery>>,
): Promise<SQL> {
  return and(
    peopleScopeWhere(actor, entities.scopePath),
    await gridFilter(q, actor, entities.scopePath, query.gridId),
    query.type ? eq(entities.type, query.type) : undefined,
    query.q ? tokenSearch(entities.searchTokens, [entities.name, entities.address], query.q) : undefined,
  )!;
}

export const entityColumns = {
  id: entities.id,
  creditCode: entities.creditCode,
  name: entities.name,
  type: entities.type,
  legalRep: entities.legalRep,
  address: entities.address,
  gridId: entities.gridNodeId,
  employees: entities.employees,
};

export async function entityPage(q: Queryable, actor: Actor, query: z.infer<typeof entityListQuery>) {
  const where = await entityWhere(q, actor, query);
  const [rows, n] = await Promise.all([
    q
      .select(entityColumns)
      .from(entities)
      .where(where)
      .orderBy(desc(entities.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countCapped(q, entities, where),
  ]);
  return { data: rows, page: pageInfoOf(query.page, query.pageSize, n) };
}

export const componentColumns = {
  id: components.id,
  componentCode: components.componentCode,
  major: components.major,
  minor: components.minor,
  name: components.name,
  lng: components.lng,
  lat: components.lat,
  state: components.state,
  ownerUnit: components.ownerUnit,
  maintainerUnit: components.maintainerUnit,
  gridId: components.gridNodeId,
};

export async function componentWhere(
  q: Queryable,
  actor: Actor,
  query: Filters<z.infer<typeof componentListQuery>>,
): Promise<SQL> {
  return and(
    peopleScopeWhere(actor, components.scopePath),
    await gridFilter(q, actor, components.scopePath, query.gridId),
    query.state ? eq(components.state, query.state) : undefined,
    query.major ? eq(components.major, query.major) : undefined,
  )!;
}

export async function componentPage(q: Queryable, actor: Actor, query: z.infer<typeof componentListQuery>) {
  const where = await componentWhere(q, actor, query);
  const [rows, n] = await Promise.all([
    q
      .select(componentColumns)
      .from(components)
      .where(where)
      .orderBy(desc(components.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    countCapped(q, components, where),
  ]);
  return { data: rows, page: pageInfoOf(query.page, query.pageSize, n) };
}

/** Components inside a bounding box and the actor's scope, as GeoJSON points (map layer, case reporting picker). */
export async function componentsInBbox(q: Queryable, actor: Actor, query: z.infer<typeof bboxQuery>) {
  const [minLng, minLat, maxLng, maxLat] = query.bbox.split(',').map(Number) as [number, number, number, number];
  const rows = await q
    .select(componentColumns)
    .from(components)
    .where(
      and(
        peopleScopeWhere(actor, components.scopePath),
        sql`${components.lng} between ${minLng} and ${maxLng} and ${components.lat} between ${minLat} and ${maxLat}`,
      ),
    )
    .limit(query.limit);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ lng, lat, ...properties }) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
      properties,
    })),
  };
}

/** Metres per degree of latitude (WGS84 mean); a degree of longitude is this × cos(latitude). */
const METRES_PER_DEGREE = 111_320;

/**
 * Components within `radius` metres of a point, nearest first: a bounding box served by the
 * (lng, lat) index, then the equirectangular distance (exact to centimetres at this range).
 * Public facts only: code, class, name, state, position.
 */
export async function componentsNear(q: Queryable, query: z.infer<typeof componentNearbyQuery>) {
  const dLat = query.radius / METRES_PER_DEGREE;
  const dLng = query.radius / (METRES_PER_DEGREE * Math.max(0.01, Math.cos((query.lat * Math.PI) / 180)));
  const kx = METRES_PER_DEGREE * Math.cos((query.lat * Math.PI) / 180);
  const metres = sql<number>`sqrt(power((${components.lng} - ${query.lng}) * ${kx}, 2) + power((${components.lat} - ${query.lat}) * ${METRES_PER_DEGREE}, 2))`;
  const rows = await q
    .select({
      id: components.id,
      componentCode: components.componentCode,
      major: components.major,
      minor: components.minor,
      name: components.name,
      state: components.state,
      lng: components.lng,
      lat: components.lat,
      metres,
    })
    .from(components)
    .where(
      and(
        sql`${components.lng} between ${query.lng - dLng} and ${query.lng + dLng}`,
        sql`${components.lat} between ${query.lat - dLat} and ${query.lat + dLat}`,
        sql`${metres} <= ${query.radius}`,
      ),
    )
    .orderBy(metres, asc(components.id))
    .limit(query.limit);
  return rows.map((r) => ({ ...r, metres: Math.round(Number(r.metres)) }));
}
