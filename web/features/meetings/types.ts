// Response shapes come from the shared zod contracts (type-only: no zod reaches the bundle); `z.input` is what
// the web receives (times as ISO strings). The labels are repeated here (not imported from contracts/meetings.ts)
// so that no zod reaches the bundle.
import type { z } from 'zod';
import type {
  AGENDA_SOURCES,
  ATTENDANCE,
  DECISION_STATUSES,
  DECISION_STEPS,
  MEETING_TYPES,
  agendaCaseSchema,
  agendaItemSchema,
  attendanceStatsSchema,
  attendanceTallySchema,
  decisionSchema,
  decisionStepSchema,
  inviteeSchema,
  meetingDetailSchema,
  meetingSchema,
  publicDecisionSchema,
  resolutionViewSchema,
} from '../../../contracts/meetings.ts';

export type MeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  joint: '党建联席会议',
  estate_trinity: '小区“三位一体”会议',
  representatives: '居民代表会议',
  party_members: '党员大会',
  neighbourhood_talk: '邻里恳谈会',
};
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '未登记',
  signed_in: '已签到',
  excused: '请假',
  absent: '缺席',
};
export const MEETING_STATUS_LABELS = { planned: '待召开', held: '已召开', cancelled: '已取消' } as const;

export type Meeting = z.input<typeof meetingSchema>;
export type Invitee = z.input<typeof inviteeSchema>;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];
export const AGENDA_SOURCE_LABELS: Record<AgendaSource, string> = { case: '事件', proposal: '提议', typed: '录入' };
export type AgendaItem = z.input<typeof agendaItemSchema>;
export type Resolution = z.input<typeof resolutionViewSchema>;
export type Tally = z.input<typeof attendanceTallySchema>;
export type MeetingDetail = z.input<typeof meetingDetailSchema>;
export type AgendaCase = z.input<typeof agendaCaseSchema>;
export type AttendanceStats = z.input<typeof attendanceStatsSchema>;

export type DecisionStepKind = (typeof DECISION_STEPS)[number];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export type Decision = z.input<typeof decisionSchema>;
export type DecisionStep = z.input<typeof decisionStepSchema>;
export type PublicDecision = z.input<typeof publicDecisionSchema>;
