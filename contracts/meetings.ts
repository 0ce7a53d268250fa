import { z } from 'zod';

export const MEETING_TYPES = [
  'joint',
  'estate_trinity',
  'representatives',
  'party_members',
  'neighbourhood_talk',
] as const;
export const MEETING_TYPE_LABELS: Record<(typeof MEETING_TYPES)[number], string> = {
  joint: '党建联席会议',
  estate_trinity: '小区“三位一体”会议',
  representatives: '居民代表会议',
  party_members: '党员大会',
  neighbourhood_talk: '邻里恳谈会',
};
export const ATTENDANCE_LABELS = { pending: '未登记', signed_in: '已签到', excused: '请假', absent: '缺席' } as const;

export const DECISION_STEPS = [
  'proposal',
  'committees',
  'party_members',
  'representatives',
  'resolution_published',
  'result_published',
] as const;
export type DecisionStepKind = (typeof DECISION_STEPS)[number];
export const DECISION_STEP_LABELS: Record<DecisionStepKind, string> = {
  proposal: '党组织提议',
  committees: '两委会商议',
  party_members: '党员大会审议',
  representatives: '居民代表会议决议',
  resolution_published: '决议公开',
  result_published: '实施结果公开',
};
/** Steps decided by a meeting's vote; the two publications need no meeting. */
export const VOTING_STEPS: readonly DecisionStepKind[] = ['committees', 'party_members', 'representatives'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const meetingListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  type: z.enum(MEETING_TYPES).optional(),
});

export const createMeetingBody = z.object({
  nodeId: z.number().int().positive(),
  type: z.enum(MEETING_TYPES),
  title: z.string().trim().min(1).max(100),
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(100),
});

export const addInviteesBody = z.object({
  users: z
    .array(z.object({ userId: z.number().int().positive(), partyOrgId: z.number().int().positive().optional() }))
    .max(500)
    .default([]),
  units: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
});

export const markAttendanceBody = z.object({
  marks: z
    .array(z.object({ inviteeId: z.number().int().positive(), attendance: z.enum(['signed_in', 'excused', 'absent']) }))
    .min(1)
    .max(500),
});

export const addAgendaItemBody = z.discriminatedUnion('source', [
  z.object({ source: z.literal('case'), caseId: z.number().int().positive() }),
  z.object({
    source: z.literal('proposal'),
    title: z.string().trim().min(1).max(100),
    description: z.string().max(2000).optional(),
  }),
  z.object({
    source: z.literal('typed'),
    title: z.string().trim().min(1).max(100),
    description: z.string().max(2000).optional(),
  }),
]);

export const recordMinutesBody = z.object({ minutes: z.string().trim().min(1).max(20000) });

export const addResolutionBody = z.object({
  agendaItemId: z.number().int().positive().optional(),
  text: z.string().trim().min(1).max(2000),
  ownerUserId: z.number().int().positive().optional(),
  ownerName: z.string().trim().min(1).max(60),
  dueOn: isoDate,
});

export const completeResolutionBody = z.object({ note: z.string().trim().min(1).max(2000) });

export const resolutionListQuery = z.object({ overdue: z.enum(['true', 'false']).optional() });

export const createDecisionBody = z.object({
  communityId: z.number().int().positive(),
  title: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(4000),
});

export const recordDecisionStepBody = z.object({
  kind: z.enum(DECISION_STEPS),
  meetingId: z.number().int().positive().optional(),
  votesFor: z.number().int().min(0).optional(),
  votesAgainst: z.number().int().min(0).optional(),
  votesAbstain: z.number().int().min(0).optional(),
  note: z.string().trim().min(1).max(4000),
});

export const communityParams = z.object({ communityId: z.coerce.number().int().positive() });
