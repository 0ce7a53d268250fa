// Request shapes come from the shared zod contracts (type-only: no zod reaches the bundle);
// the response shapes below mirror server/modules/cases/{queries,detail}.ts.
import type { z } from 'zod';
import type {
  caseActionSchema,
  caseSourceSchema,
  caseStateSchema,
  dispatchLevelSchema,
  reportCaseBody,
  transitionBody,
} from '../../../contracts/cases.ts';

export type CaseState = z.infer<typeof caseStateSchema>;
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseSource = z.infer<typeof caseSourceSchema>;
export type DispatchLevel = z.infer<typeof dispatchLevelSchema>;
export type ReportInput = z.input<typeof reportCaseBody>;
export type TransitionInput = z.input<typeof transitionBody>;
export type Deadline = 'green' | 'yellow' | 'red' | null;

export interface Category {
  id: number;
  code: string;
  name: string;
  children: { id: number; code: string; name: string }[];
}

export interface CaseListItem {
  id: number;
  caseNo: string;
  title: string;
  state: CaseState;
  stateLabel: string;
  source: CaseSource;
  reportedAt: string;
  dueAt: string | null;
  deadline: Deadline;
  categoryName: string | null;
  communityName: string | null;
  gridId: number | null;
  dispatchLevel: string | null;
  departmentName: string | null;
  address: string | null;
  version: number;
  thumbnailId: number | null;
}

export interface CasePage {
  data: CaseListItem[];
  page: { page: number; pageSize: number; total: number; totalCapped: boolean };
}

export interface TimelineEvent {
  id: number;
  at: string;
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  note: string | null;
  photoIds: number[];
  data: Record<string, unknown> | null;
  actorRole: string | null;
  actorName: string | null;
}

export interface CaseDetail {
  id: number;
  caseNo: string;
  title: string;
  description: string;
  source: CaseSource;
  state: CaseState;
  stateLabel: string;
  version: number;
  category: { id: number; name: string; code: string } | null;
  /** Answers to the category's extra questions (display: list values by their names). */
  answers?: { code: string; question: string; value: string | number | string[]; display: string }[];
  department: { id: number; name: string } | null;
  dispatchLevel: string | null;
  location: { lng: number | null; lat: number | null; address: string | null; componentId: string | null };
  grid: { id: number; name: string } | null;
  community: { id: number; name: string };
  street: { id: number; name: string };
  /** `phone` is always masked (138****5678); `canReveal`: this user may show it whole (audited). */
  reporter: { name: string | null; phone: string | null; canReveal: boolean };
  reportedAt: string;
  dueAt: string | null;
  deadline: Deadline;
  escalationLevel: number | null;
  stateReason: string | null;
  mergedIntoId: number | null;
  score: number | null;
  ratingComment: string | null;
  photoIds: number[];
  timeline: TimelineEvent[];
  abilities: CaseAction[];
}

export interface Department {
  id: number;
  code: string;
  name: string;
  servesNodeId: number;
  servesName: string;
}

export interface Notification {
  id: number;
  kind: string;
  text: string;
  caseId: number | null;
  createdAt: string;
  readAt: string | null;
}

/** A likely category; `confidence` is calibrated: of the suggestions shown at 70 %, about 7 in 10 are right. */
export interface CategoryCandidate {
  categoryId: number;
  code: string;
  name: string;
  confidence: number;
}

/** GET /api/cases/:id/suggestion (may not exist yet). */
export interface Suggestion {
  enoughData: boolean;
  /** The top-1 of `categories` (kept for older clients). */
  category: { id: number; code: string; name: string; confidence: number } | null;
  /** Up to three, best first. */
  categories: CategoryCandidate[];
  handler: { level: string; departmentId: number | null; name: string; confidence: number } | null;
  duplicates: { id: number; caseNo: string; title: string; distanceM: number; similarity: number }[];
}

/** GET /api/cases/suggestion-acceptance: 采纳率 of the category suggestion at 立案, last 30 days. */
export type { SuggestionAcceptance } from '../../../contracts/case-suggestion.ts';

/** GET /api/cases/duplicates (may not exist yet). */
export interface DuplicateCandidate {
  id: number;
  caseNo: string;
  title: string;
  state: CaseState;
  distanceM: number;
  similarity: number;
}

export interface IndicatorRow {
  key: string;
  name: string;
  reported: number;
  accepted: number;
  closed: number;
  onTimeAcceptRate: number | null;
  onTimeHandleRate: number | null;
  onTimeCloseRate: number | null;
  reworkRate: number | null;
  returnRate: number | null;
  verifyPassRate: number | null;
  satisfactionRate: number | null;
  avgHandleHours: number | null;
}

export type GroupBy = 'grid' | 'community' | 'street' | 'department' | 'category';
