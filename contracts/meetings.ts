import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

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
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(200)).default(50),
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

export const communityParams = z.object({ communityId: decimal(decimalNumber().int().positive()) });

// Responses: the rows as server/modules/meetings/{queries,decision-queries,commands} return them (the serializer
// drops any other field).
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ATTENDANCE = ['pending', 'signed_in', 'excused', 'absent'] as const;
export const AGENDA_SOURCES = ['case', 'proposal', 'typed'] as const;
export const DECISION_STATUSES = ['in_progress', 'rejected', 'completed'] as const;

export const meetingSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  nodeId: z.number().int(),
  scopePath: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  startsAt: sentDateTime(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  minutes: z.string().nullable(),
  createdBy: z.number().int(),
  createdAt: sentDateTime(),
});
export const inviteeSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  userId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  displayName: z.string(),
  partyOrgId: z.number().int().nullable(),
  attendance: z.enum(ATTENDANCE),
  markedAt: sentDateTime().nullable(),
});
export const agendaItemSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  position: z.number().int(),
  source: z.enum(AGENDA_SOURCES),
  caseId: z.number().int().nullable(),
  proposedBy: z.number().int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
});
export const resolutionSchema = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  agendaItemId: z.number().int().nullable(),
  scopePath: z.string(),
  text: z.string(),
  ownerUserId: z.number().int().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: sentDateTime().nullable(),
  doneNote: z.string().nullable(),
  createdAt: sentDateTime(),
});
/** A resolution as listed: overdue when still open after its due day (Asia/Shanghai). */
export const resolutionViewSchema = resolutionSchema.extend({ overdue: z.boolean() });
export const attendanceTallySchema = z.object({
  expected: z.number().int(),
  signedIn: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  rate: z.number().nullable(),
});
export const meetingDetailSchema = meetingSchema.extend({
  invitees: z.array(inviteeSchema),
  agenda: z.array(agendaItemSchema),
  resolutions: z.array(resolutionViewSchema),
  attendance: attendanceTallySchema,
});
export const agendaCaseSchema = z.object({
  id: z.number().int(),
  caseNo: z.string().optional(),
  title: z.string(),
  categoryName: z.string().nullable(),
  communityId: z.number().int(),
  reportedAt: sentDateTime(),
});
export const attendanceStatsSchema = z.object({
  overall: attendanceTallySchema,
  people: z.array(attendanceTallySchema.extend({ userId: z.number().int(), displayName: z.string() })),
  branches: z.array(attendanceTallySchema.extend({ partyOrgId: z.number().int(), name: z.string() })),
});
export const decisionSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  scopePath: z.string(),
  title: z.string(),
  summary: z.string(),
  stepsDone: z.number().int(),
  status: z.enum(DECISION_STATUSES),
  createdBy: z.number().int(),
  createdAt: sentDateTime(),
});
/** A step with the title and date of the meeting it was taken at. */
export const decisionStepSchema = z.object({
  decisionId: z.number().int(),
  step: z.number().int(),
  kind: z.enum(DECISION_STEPS),
  meetingId: z.number().int().nullable(),
  meetingTitle: z.string().nullable(),
  meetingStartsAt: sentDateTime().nullable(),
  votesFor: z.number().int().nullable(),
  votesAgainst: z.number().int().nullable(),
  votesAbstain: z.number().int().nullable(),
  note: z.string(),
  recordedAt: sentDateTime(),
});
/** What the community's public page shows of a record: its publications and votes, no deliberation notes. */
export const publicDecisionSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(DECISION_STATUSES),
  published: z.array(z.object({ kind: z.enum(DECISION_STEPS), note: z.string(), recordedAt: sentDateTime() })),
  votes: z.array(
    z.object({
      kind: z.enum(DECISION_STEPS),
      votesFor: z.number().int().nullable(),
      votesAgainst: z.number().int().nullable(),
      votesAbstain: z.number().int().nullable(),
    }),
  ),
});

const withAbilities = <T extends z.ZodType>(data: T) => z.object({ data, abilities: z.array(z.string()) });
export const meetingPageResponse = z.object({ data: z.array(meetingSchema), page: pageInfo });
export const meetingResponse = z.object({ data: meetingSchema });
export const meetingDetailResponse = withAbilities(meetingDetailSchema);
export const inviteesAddedResponse = z.object({ data: z.object({ added: z.number().int() }) });
export const attendanceMarkedResponse = z.object({ data: z.object({ marked: z.number().int() }) });
export const agendaCasesResponse = z.object({ data: z.array(agendaCaseSchema), casesAvailable: z.boolean() });
export const agendaItemResponse = z.object({ data: agendaItemSchema });
export const resolutionResponse = z.object({ data: resolutionSchema });
export const resolutionListResponse = z.object({ data: z.array(resolutionViewSchema) });
export const attendanceStatsResponse = z.object({ data: attendanceStatsSchema });
export const decisionListResponse = z.object({ data: z.array(decisionSchema) });
export const decisionResponse = z.object({ data: decisionSchema });
export const decisionDetailResponse = withAbilities(decisionSchema.extend({ steps: z.array(decisionStepSchema) }));
export const communityPublicResponse = z.object({
  data: z.object({
    community: z.object({ id: z.number().int(), name: z.string() }),
    decisions: z.array(publicDecisionSchema),
  }),
});
