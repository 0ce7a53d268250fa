import { z } from 'zod';

export const createTeamBody = z.object({
  communityId: z.number().int().positive(),
  name: z.string().trim().min(2).max(40),
  leaderUserId: z.number().int().positive().optional(),
});

export const createActivityBody = z.object({
  communityId: z.number().int().positive(),
  teamId: z.number().int().positive().optional(),
  title: z.string().trim().min(2).max(60),
  place: z.string().trim().min(2).max(100),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  capacity: z.number().int().min(1).max(10_000),
}).refine((b) => b.endsAt > b.startsAt, { path: ['endsAt'], message: '结束时间须晚于开始时间' });

/** Check-in/out either by scanning the venue's code (self) or from the staff's list (signupIds). */
export const attendanceBody = z.union([
  z.object({ code: z.string().min(4).max(40) }),
  z.object({ signupIds: z.array(z.number().int().positive()).min(1).max(500) }),
]);

export const activityListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  view: z.enum(['upcoming', 'manage']).default('upcoming'),
});
