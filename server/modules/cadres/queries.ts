import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CadreRow, PostRow } from '../../../contracts/cadres.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { maskPhone } from '../../platform/masking.ts';
import { underPath } from '../../platform/scope.ts';
import { orgNodes } from '../org/schema.ts';
import { cadreScopeWhere } from './policy.ts';
import { cadrePosts, cadreReserve, cadres, gridForces, type CadreRecord } from './schema.ts';

/** 交叉任职: the holder comes from another organisation, or the post lies outside the node that keeps their record. */
const crossAppointment = sql<boolean>`(${cadres.external} or ${cadrePosts.nodePath} not like ${cadres.scopePath} || '%')`;

async function postRows(db: Queryable, where: SQL): Promise<PostRow[]> {
  const rows = await db
    .select({
      id: cadrePosts.id,
      kind: cadrePosts.kind,
      title: cadrePosts.title,
      nodeId: cadrePosts.nodeId,
      nodeName: orgNodes.name,
      cadreId: cadres.id,
      cadreName: cadres.name,
      unit: cadres.unit,
      crossAppointment,
      startedOn: cadrePosts.startedOn,
      endedOn: cadrePosts.endedOn,
    })
    .from(cadrePosts)
    .innerJoin(cadres, eq(cadres.id, cadrePosts.cadreId))
    .innerJoin(orgNodes, eq(orgNodes.id, cadrePosts.nodeId))
    .where(where)
    .orderBy(asc(cadrePosts.nodePath), asc(cadrePosts.kind), desc(cadrePosts.startedOn), asc(cadrePosts.id));
  return rows;
}

/** Posts at a node and below (current ones, or the whole history). */
export function nodePosts(db: Queryable, nodePath: string, history: boolean) {
  return postRows(db, and(underPath(cadrePosts.nodePath, nodePath), history ? undefined : isNull(cadrePosts.endedOn))!);
}

async function toRows(db: Queryable, list: (CadreRecord & { nodeName: string })[]): Promise<CadreRow[]> {
  const ids = list.map((c) => c.id);
  const [posts, reserve] = ids.length
    ? await Promise.all([
        db
          .select({ cadreId: cadrePosts.cadreId, title: cadrePosts.title })
          .from(cadrePosts)
          .where(and(inArray(cadrePosts.cadreId, ids), isNull(cadrePosts.endedOn))),
        db.select().from(cadreReserve).where(inArray(cadreReserve.cadreId, ids)),
      ])
    : [[], []];
  return list.map((c) => ({
    id: c.id,
    name: c.name,
    gender: c.gender,
    birthYear: c.birthYear,
    phoneMasked: maskPhone(c.phone),
    partyMember: c.partyMember,
    unit: c.unit,
    external: c.external,
    nodeId: c.nodeId,
    nodeName: c.nodeName,
    note: c.note,
    currentPosts: posts.filter((p) => p.cadreId === c.id).map((p) => p.title),
    reserveState: reserve.find((r) => r.cadreId === c.id)?.state ?? null,
  }));
}

/** 干部库: records kept under the actor's scope (or under one node), by name or unit. */
export async function listCadres(
  db: Queryable,
  actor: Actor,
  q: { q?: string; nodePath?: string; page: number; pageSize: number },
) {
  const where = and(
    cadreScopeWhere(actor),
    q.nodePath ? underPath(cadres.scopePath, q.nodePath) : undefined,
    q.q ? or(ilike(cadres.name, `%${q.q}%`), ilike(cadres.unit, `%${q.q}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ c: cadres, nodeName: orgNodes.name })
      .from(cadres)
      .innerJoin(orgNodes, eq(orgNodes.id, cadres.nodeId))
      .where(where)
      .orderBy(asc(cadres.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cadres)
      .where(where),
  ]);
  return {
    data: await toRows(
      db,
      rows.map((r) => ({ ...r.c, nodeName: r.nodeName })),
    ),
    page: { page: q.page, pageSize: q.pageSize, total: total?.n ?? 0 },
  };
}

/** One person: the record, current posts and the post history. */
export async function cadreDetail(db: Queryable, cadre: CadreRecord) {
  const [node] = await db.select({ name: orgNodes.name }).from(orgNodes).where(eq(orgNodes.id, cadre.nodeId));
  const [row] = await toRows(db, [{ ...cadre, nodeName: node?.name ?? '' }]);
  return { ...row!, posts: await postRows(db, eq(cadrePosts.cadreId, cadre.id)) };
}

/** 后备人才库 under the actor's scope, most recently moved first. */
export async function reserveList(db: Queryable, scopePath: string) {
  const rows = await db
    .select({
      id: cadreReserve.id,
      cadreId: cadres.id,
      cadreName: cadres.name,
      unit: cadres.unit,
      nodeName: orgNodes.name,
      targetKind: cadreReserve.targetKind,
      state: cadreReserve.state,
      note: cadreReserve.note,
      updatedAt: cadreReserve.updatedAt,
    })
    .from(cadreReserve)
    .innerJoin(cadres, eq(cadres.id, cadreReserve.cadreId))
    .innerJoin(orgNodes, eq(orgNodes.id, cadres.nodeId))
    .where(underPath(cadreReserve.scopePath, scopePath))
    .orderBy(desc(cadreReserve.updatedAt), desc(cadreReserve.id));
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

/** A grid's current force roster, phones masked. */
export async function forcesOf(db: Queryable, gridPathPrefix: string) {
  const rows = await db
    .select()
    .from(gridForces)
    .where(and(underPath(gridForces.gridPath, gridPathPrefix), isNull(gridForces.removedAt)))
    .orderBy(asc(gridForces.role), asc(gridForces.id));
  return rows.map((r) => ({
    id: r.id,
    gridId: r.gridNodeId,
    role: r.role,
    name: r.name,
    unit: r.unit,
    phoneMasked: maskPhone(r.phone) ?? '',
  }));
}
