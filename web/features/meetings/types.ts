// Response shapes mirror server/modules/meetings/{queries,decision-queries,routes}.ts. The
// labels are repeated here (not imported from contracts/meetings.ts) so that no zod reaches the bundle.

export type MeetingType = 'joint' | 'estate_trinity' | 'representatives' | 'party_members' | 'neighbourhood_talk';
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  joint: '党建联席会议',
  estate_trinity: '小区“三位一体”会议',
  representatives: '居民代表会议',
  party_members: '党员大会',
  neighbourhood_talk: '邻里恳谈会',
};
export type Attendance = 'pending' | 'signed_in' | 'excused' | 'absent';
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '未登记',
  signed_in: '已签到',
  excused: '请假',
  absent: '缺席',
};
export const MEETING_STATUS_LABELS = { planned: '待召开', held: '已召开', cancelled: '已取消' } as const;

export interface Meeting {
  id: number;
  communityId: number;
  nodeId: number;
  scopePath: string;
  type: MeetingType;
  title: string;
  startsAt: string;
  place: string;
  status: keyof typeof MEETING_STATUS_LABELS;
  minutes: string | null;
  createdAt: string;
}
export interface Invitee {
  id: number;
  userId: number | null;
  unitName: string | null;
  displayName: string;
  partyOrgId: number | null;
  attendance: Attendance;
  markedAt: string | null;
}
export type AgendaSource = 'case' | 'proposal' | 'typed';
export const AGENDA_SOURCE_LABELS: Record<AgendaSource, string> = { case: '事件', proposal: '提议', typed: '录入' };
export interface AgendaItem {
  id: number;
  position: number;
  source: AgendaSource;
  caseId: number | null;
  title: string;
  description: string | null;
}
export interface Resolution {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  text: string;
  ownerName: string;
  dueOn: string;
  status: 'open' | 'done';
  doneAt: string | null;
  doneNote: string | null;
  overdue: boolean;
}
export interface Tally {
  expected: number;
  signedIn: number;
  excused: number;
  absent: number;
  rate: number | null;
}
export interface MeetingDetail extends Meeting {
  invitees: Invitee[];
  agenda: AgendaItem[];
  resolutions: Resolution[];
  attendance: Tally;
}
export interface AgendaCase {
  id: number;
  title: string;
  categoryName: string | null;
  communityId: number;
  reportedAt: string;
}
export interface AttendanceStats {
  overall: Tally;
  people: (Tally & { userId: number; displayName: string })[];
  branches: (Tally & { partyOrgId: number; name: string })[];
}

export type DecisionStepKind =
  'proposal' | 'committees' | 'party_members' | 'representatives' | 'resolution_published' | 'result_published';
export type DecisionStatus = 'in_progress' | 'rejected' | 'completed';
export interface Decision {
  id: number;
  communityId: number;
  title: string;
  summary: string;
  stepsDone: number;
  status: DecisionStatus;
  createdAt: string;
}
export interface DecisionStep {
  step: number;
  kind: DecisionStepKind;
  meetingId: number | null;
  meetingTitle: string | null;
  meetingStartsAt: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  note: string;
  recordedAt: string;
}
export interface PublicDecision {
  id: number;
  title: string;
  summary: string;
  status: DecisionStatus;
  published: { kind: DecisionStepKind; note: string; recordedAt: string }[];
  votes: { kind: DecisionStepKind; votesFor: number; votesAgainst: number; votesAbstain: number }[];
}
