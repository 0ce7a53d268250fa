import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shanghaiYear } from '../../platform/calendar/local-day.ts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  communityQuery,
  createZoneBody,
  householdStatusResponse,
  myZoneResponse,
  optInBody,
  wallResponse,
  zoneCandidatesResponse,
  zoneListResponse,
  zoneResponse,
} from '../../../contracts/outreach.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { underPath } from '../../platform/scope.ts';
import { users } from '../accounts/schema.ts';
import { orgNodes } from '../org/schema.ts';
import { membersOfCommunity, yearCommitments } from '../party/index.ts';
import { createZone } from './commands/create-zone.ts';
import { optedIn, ownMember, setOptIn } from './commands/opt-in.ts';
import { authorizeOutreach } from './policy.ts';
import {
  buildingsOfCommunity,
  staffRolesForZones,
  wallOf,
  zoneOfBuilding,
  zonesOfCommunity,
  zoneViews,
} from './queries.ts';

/** The id at `index` of a materialised path (0 district, 2 community, 5 building), or null. */
const pathId = (path: string | null, index: number) => {
  const id = Number(path?.split('/').filter(Boolean)[index]);
  return Number.isFinite(id) && id > 0 ? id : null;
};

export function outreachRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const tags = ['outreach'];

    /** The community asked for, or the one the actor lives or works in (404 when neither). */
    async function community(actor: Actor, id: number | undefined) {
      const communityId = id ?? pathId(actor.scopePath, 2);
      const [node] = communityId
        ? await db
            .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path })
            .from(orgNodes)
            .where(and(eq(orgNodes.id, communityId), eq(orgNodes.level, 'community')))
        : [];
      return node ?? null;
    }

    app.get(
      '/api/outreach/wall',
      {
        config: { permission: 'outreach.wall' },
        schema: {
          tags,
          summary: '党群连心墙：本社区党员户与承诺',
          querystring: communityQuery,
          response: { 200: wallResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = await community(actor, request.query.communityId);
        authorizeOutreach(actor, 'wall', c?.path ?? null);
        const year = shanghaiYear();
        return { data: { community: c!.name, year, households: await wallOf(db, c!.id, year) } };
      },
    );

    app.get(
      '/api/outreach/household',
      {
        config: { permission: 'outreach.self' },
        schema: { tags, summary: '我家是否亮为党员户', response: { 200: householdStatusResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOutreach(actor, 'self', null);
        const member = await ownMember(db, actor);
        return {
          data: { optedIn: await optedIn(db, member.id), hasHome: Boolean(member.homeNodeId), year: shanghaiYear() },
        };
      },
    );

    app.put(
      '/api/outreach/household',
      {
        config: { permission: 'outreach.self' },
        schema: { tags, summary: '亮为党员户或撤下', body: optInBody, response: { 200: householdStatusResponse } },
      },
      async (request) => {
        const status = await setOptIn(db, requireActor(request), request.body.optIn);
        return { data: { ...status, year: shanghaiYear() } };
      },
    );

    app.get(
      '/api/outreach/my-zone',
      {
        config: { permission: 'outreach.zone' },
        schema: { tags, summary: '我的一区两员（所住楼栋的责任区）', response: { 200: myZoneResponse } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorizeOutreach(actor, 'zone', null);
        const building = pathId(actor.scopePath, 5);
        const zone = building ? await zoneOfBuilding(db, building) : null;
        if (!zone) return { data: null };
        const commitments = await yearCommitments(db, [zone.responsibilityMember.id], shanghaiYear());
        return { data: { ...zone, commitments: commitments.map((c) => ({ content: c.content, state: c.state })) } };
      },
    );

    app.get(
      '/api/outreach/zones',
      {
        config: { permission: 'outreach.manage' },
        schema: {
          tags,
          summary: '一区两员责任区（管理）',
          querystring: communityQuery,
          response: { 200: zoneListResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = await community(actor, request.query.communityId);
        authorizeOutreach(actor, 'manage', c?.path ?? null);
        return { data: await zonesOfCommunity(db, c!.id) };
      },
    );

    app.get(
      '/api/outreach/zone-candidates',
      {
        config: { permission: 'outreach.manage' },
        schema: {
          tags,
          summary: '划分责任区可选的楼栋、党员与工作人员',
          querystring: communityQuery,
          response: { 200: zoneCandidatesResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const c = await community(actor, request.query.communityId);
        authorizeOutreach(actor, 'manage', c?.path ?? null);
        const [members, staff, buildings] = await Promise.all([
          membersOfCommunity(db, c!.path),
          db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .innerJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
            .where(
              and(
                underPath(orgNodes.path, c!.path),
                isNull(users.disabledAt),
                inArray(users.role, [...staffRolesForZones]),
              ),
            )
            .orderBy(asc(users.id)),
          buildingsOfCommunity(db, c!.path),
        ]);
        return { data: { members: members.map((m) => ({ id: m.id, name: m.name })), staff, buildings } };
      },
    );

    app.post(
      '/api/outreach/zones',
      {
        config: { permission: 'outreach.manage' },
        schema: { tags, summary: '划分一区两员责任区', body: createZoneBody, response: { 201: zoneResponse } },
      },
      async (request, reply) => {
        const zone = await createZone(db, requireActor(request), request.body);
        const [view] = await zoneViews(db, [zone.id]);
        return reply.status(201).send({ data: view! });
      },
    );
  };
}
