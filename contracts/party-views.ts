import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { honorListSchema, memberKindSchema } from './party.ts';
import { coUnitTypeSchema } from './party-orgs.ts';

// Responses of the member-centred and branch/community party routes (server/modules/party/{queries,commands}),
// kept apart from the request schemas in contracts/party.ts. The serializer drops any field not named here.

export const registrationStateSchema = z.enum(['pending', 'confirmed', 'rejected']);
export const periodKindSchema = z.enum(['month', 'quarter', 'year']);

/** A member record as every party route shows it (publicMember): no paths, no timestamps. */
export const publicMemberSchema = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  name: z.string(),
  kind: memberKindSchema,
  duty: z.enum(['member', 'secretary']),
  branchOrgId: z.number().int(),
  homeCommunityId: z.number().int(),
  homeNodeId: z.number().int().nullable(),
  workUnit: z.string().nullable(),
  coUnitId: z.number().int().nullable(),
  registeredCommunityId: z.number().int().nullable(),
  registrationState: registrationStateSchema.nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  version: z.number().int(),
});
export const memberPostSchema = z.object({
  claimId: z.number().int(),
  state: z.enum(['pending', 'approved', 'rejected']),
  postId: z.number().int(),
  name: z.string(),
  period: periodKindSchema,
  targetPoints: z.number().int(),
});
export const periodTotalSchema = z.object({ kind: periodKindSchema, key: z.string(), points: z.number() });
export const commitmentSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  year: z.number().int(),
  content: z.string(),
  state: z.enum(['published', 'fulfilled', 'unfulfilled']),
  note: z.string().nullable(),
  markedBy: z.number().int().nullable(),
  markedAt: sentDateTime().nullable(),
  createdAt: sentDateTime(),
});
export const alertSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  branchOrgId: z.number().int(),
  periodKey: z.string(),
  kind: z.string(),
  points: z.number().int(),
  target: z.number().int(),
  expected: z.number().int(),
  remindedAt: sentDateTime().nullable(),
  remindedBy: z.number().int().nullable(),
  createdAt: sentDateTime(),
});
export const communityPostSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  duties: z.string(),
  period: periodKindSchema,
  targetPoints: z.number().int(),
  items: z.array(z.object({ code: z.string(), label: z.string(), sourceKind: z.string(), points: z.number().int() })),
});
export const postRowSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityPath: z.string(),
  name: z.string(),
  duties: z.string(),
  period: periodKindSchema,
  targetPoints: z.number().int(),
  sort: z.number().int(),
});
export const postClaimRowSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  postId: z.number().int(),
  state: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.number().int().nullable(),
  decidedAt: sentDateTime().nullable(),
  createdAt: sentDateTime(),
});

/** The member's phone view: their record with names, posts, this period's points, alerts, commitments. */
export const memberOverviewSchema = z.object({
  member: publicMemberSchema.extend({
    branchName: z.string(),
    communityName: z.string(),
    registeredCommunityName: z.string().nullable(),
  }),
  posts: z.array(memberPostSchema),
  totals: z.array(periodTotalSchema),
  alerts: z.array(alertSchema),
  commitments: z.array(commitmentSchema),
  availablePosts: z.array(communityPostSchema),
});
export const memberDetailSchema = publicMemberSchema.extend({
  posts: z.array(memberPostSchema),
  totals: z.array(periodTotalSchema),
  commitments: z.array(commitmentSchema),
});
/** One page of the full activity record (全程纪实) and the totals per source; `next` is the keyset cursor. */
export const activityRecordResponse = z.object({
  data: z.array(
    z.object({
      id: z.number().int(),
      sourceKind: z.string(),
      sourceId: z.string(),
      item: z.string(),
      points: z.number(),
      occurredAt: sentDateTime(),
      note: z.string().nullable(),
      evidence: z.string().nullable(),
    }),
  ),
  bySource: z.array(z.object({ sourceKind: z.string(), points: z.number(), records: z.number() })),
  page: z.object({ pageSize: z.number(), total: z.number(), next: z.number().int().nullable() }),
});
export const branchPostClaimSchema = z.object({
  claimId: z.number().int(),
  state: z.enum(['pending', 'approved', 'rejected']),
  memberId: z.number().int(),
  memberName: z.string(),
  postId: z.number().int(),
  postName: z.string(),
  createdAt: sentDateTime(),
});
/** An alert as the branch desk lists it: with the member's name. */
export const branchAlertSchema = alertSchema
  .omit({ branchOrgId: true, remindedBy: true })
  .extend({ memberName: z.string() });
/** The computed red/yellow list and the version published for the month (null before publication). */
export const honorListViewSchema = z.object({
  computed: honorListSchema,
  published: z
    .object({ snapshot: z.record(z.string(), z.unknown()), publishedAt: sentDateTime(), confirmedBy: z.number().int() })
    .nullable(),
});
export const publishedHonorListSchema = z.object({
  id: z.number().int(),
  scopeKind: z.enum(['branch', 'community']),
  scopeId: z.number().int(),
  scopePath: z.string(),
  month: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
  confirmedBy: z.number().int(),
  publishedAt: sentDateTime(),
});
export const householdSchema = z.object({
  name: z.string(),
  commitments: z.array(
    z.object({ year: z.number().int(), content: z.string(), state: z.enum(['published', 'fulfilled', 'unfulfilled']) }),
  ),
});
export const coUnitBriefSchema = z.object({ id: z.number().int(), name: z.string(), type: coUnitTypeSchema });
/** An in-service member a co-building unit sent, with one year's community service. */
export const coUnitMemberSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  workUnit: z.string().nullable(),
  registrationState: registrationStateSchema.nullable(),
  branchName: z.string(),
  communityName: z.string(),
  posts: z.array(z.string()),
  points: z.object({ year: z.number(), total: z.number() }),
  records: z.number(),
  hours: z.object({ year: z.number(), total: z.number() }),
});

const abilities = z.array(z.string());
export const memberOverviewResponse = z.object({ data: memberOverviewSchema, abilities });
export const memberDetailResponse = z.object({ data: memberDetailSchema, abilities });
export const publicMemberResponse = z.object({ data: publicMemberSchema });
export const branchMembersResponse = z.object({ data: z.array(publicMemberSchema), page: pageInfo, abilities });
export const registrationsResponse = z.object({
  data: z.array(publicMemberSchema.extend({ branchName: z.string() })),
});
export const postClaimResponse = z.object({ data: postClaimRowSchema });
export const commitmentResponse = z.object({ data: commitmentSchema });
export const alertResponse = z.object({ data: alertSchema });
export const pointsEnteredResponse = z.object({
  data: z.object({ memberId: z.number().int(), item: z.string(), points: z.number(), created: z.boolean() }),
});
export const branchPostClaimsResponse = z.object({ data: z.array(branchPostClaimSchema) });
export const branchAlertsResponse = z.object({ data: z.array(branchAlertSchema) });
export const honorListViewResponse = z.object({ data: honorListViewSchema, abilities });
export const publishedHonorListResponse = z.object({ data: publishedHonorListSchema });
export const communityPostsResponse = z.object({ data: z.array(communityPostSchema) });
export const postRowResponse = z.object({ data: postRowSchema });
export const defaultPostsResponse = z.object({ data: z.object({ created: z.number().int() }) });
export const partyHouseholdsResponse = z.object({
  data: z.array(z.object({ nodeId: z.number().int().nullable(), members: z.number() })),
});
export const householdResponse = z.object({ data: z.array(householdSchema) });
export const coUnitBriefListResponse = z.object({ data: z.array(coUnitBriefSchema) });
export const coUnitBriefResponse = z.object({ data: coUnitBriefSchema });
export const coUnitMembersResponse = z.object({
  unit: coUnitBriefSchema,
  year: z.number().int(),
  data: z.array(coUnitMemberSchema),
  page: pageInfo,
});
