import { z } from 'zod';
import { isoDateTime, sentDateTime } from './datetime.ts';
import { pageInfo } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

export const createTeamBody = z.object({
  communityId: z.number({ message: '请选择社区' }).int().positive(),
  name: z.string({ message: '请填写队伍名称' }).trim().min(2, '队伍名称至少 2 个字').max(40, '队伍名称不超过 40 个字'),
  leaderUserId: z.number().int().positive().optional(),
});

export const createActivityBody = z
  .object({
    communityId: z.number({ message: '请选择社区' }).int().positive(),
    teamId: z.number().int().positive().optional(),
    title: z
      .string({ message: '请填写活动名称' })
      .trim()
      .min(2, '活动名称至少 2 个字')
      .max(60, '活动名称不超过 60 个字'),
    place: z
      .string({ message: '请填写活动地点' })
      .trim()
      .min(2, '活动地点至少 2 个字')
      .max(100, '活动地点不超过 100 个字'),
    startsAt: isoDateTime('请选择开始时间（带时区的 ISO 8601 时间）'),
    endsAt: isoDateTime('请选择结束时间（带时区的 ISO 8601 时间）'),
    capacity: z
      .number({ message: '请填写人数上限' })
      .int('人数上限须为整数')
      .min(1, '人数上限至少 1 人')
      .max(10_000, '人数上限不超过 10000 人'),
  })
  .refine((b) => b.endsAt > b.startsAt, { path: ['endsAt'], message: '结束时间须晚于开始时间' });

/** Check-in/out either by scanning the venue's code (self) or from the staff's list (signupIds). */
export const attendanceBody = z.union([
  z.object({ code: z.string().min(4).max(40) }),
  z.object({ signupIds: z.array(z.number().int().positive()).min(1).max(500) }),
]);

export const activityListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
  view: z.enum(['upcoming', 'manage']).default('upcoming'),
});

/** Renaming a team or changing its leader; `leaderUserId: null` leaves the team without a leader. */
export const updateTeamBody = z.object({
  name: z.string().trim().min(2, '队伍名称至少 2 个字').max(40, '队伍名称不超过 40 个字').optional(),
  leaderUserId: z.number().int().positive().nullable().optional(),
});

export const leaderCandidatesQuery = z.object({ q: z.string().trim().max(20).optional() });

// Responses: as server/modules/volunteers/{queries,commands} build them (the serializer drops any other field).
export const volunteerTeamSchema = z.object({
  id: z.number().int(),
  communityId: z.number().int(),
  communityPath: z.string(),
  name: z.string(),
  leaderUserId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  createdAt: sentDateTime(),
});
/** A team with what it did: members who served, activities, hours. */
export const teamTotalsSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  leaderUserId: z.number().int().nullable(),
  leaderName: z.string().nullable(),
  communityId: z.number().int(),
  activities: z.number(),
  volunteers: z.number(),
  hours: z.number(),
});
export const leaderCandidateSchema = z.object({ id: z.number().int(), displayName: z.string(), role: z.string() });
/** An activity as a viewer sees it: the check-in code only for those running it. */
export const activitySchema = z.object({
  id: z.number().int(),
  teamId: z.number().int().nullable(),
  communityId: z.number().int(),
  title: z.string(),
  place: z.string(),
  startsAt: sentDateTime(),
  endsAt: sentDateTime(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  state: z.enum(['open', 'cancelled']),
  myStatus: z.string().nullable(),
  checkinCode: z.string().nullable(),
  abilities: z.array(z.string()),
});
export const signupSchema = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  status: z.enum(['confirmed', 'waiting', 'cancelled']),
  checkedInAt: sentDateTime().nullable(),
  checkedOutAt: sentDateTime().nullable(),
  minutes: z.number().int().nullable(),
  createdAt: sentDateTime(),
});
export const volunteerSummarySchema = z.object({
  totalHours: z.number(),
  activities: z.number().int(),
  records: z.array(
    z.object({
      title: z.string(),
      startsAt: sentDateTime(),
      place: z.string(),
      minutes: z.number().int().nullable(),
      hours: z.number(),
    }),
  ),
});

export const teamTotalsResponse = z.object({ data: z.array(teamTotalsSchema) });
export const volunteerTeamResponse = z.object({ data: volunteerTeamSchema });
export const leaderCandidatesResponse = z.object({ data: z.array(leaderCandidateSchema) });
export const activityListResponse = z.object({ data: z.array(activitySchema), page: pageInfo });
export const activityResponse = z.object({ data: activitySchema });
export const activityDetailResponse = z.object({
  data: activitySchema.extend({ teamName: z.string().nullable(), signups: z.array(signupSchema).nullable() }),
  abilities: z.array(z.string()),
});
export const signupResponse = z.object({ data: signupSchema });
export const signupListResponse = z.object({ data: z.array(signupSchema) });
export const volunteerSummaryResponse = z.object({ data: volunteerSummarySchema });
