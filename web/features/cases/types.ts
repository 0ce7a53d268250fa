// Request and response shapes come from the shared zod contracts (type-only: no zod reaches the bundle).
import type { z } from 'zod';
import type {
  caseActionSchema,
  caseSourceSchema,
  caseStateSchema,
  dispatchLevelSchema,
  reportCaseBody,
  transitionBody,
} from '../../../contracts/cases.ts';
import type { departmentServingSchema } from '../../../contracts/org-responses.ts';

export type CaseState = z.infer<typeof caseStateSchema>;
export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseSource = z.infer<typeof caseSourceSchema>;
export type DispatchLevel = z.infer<typeof dispatchLevelSchema>;
export type ReportInput = z.input<typeof reportCaseBody>;
export type TransitionInput = z.input<typeof transitionBody>;
export type Deadline = 'green' | 'yellow' | 'red' | null;

// Response shapes: the contracts the server's response schemas send.
export type {
  CaseDetail,
  CaseListItem,
  CasePage,
  CategoryCandidate,
  DuplicateCandidate,
  Notification,
  Suggestion,
  TimelineEvent,
} from '../../../contracts/cases-responses.ts';
export type { CategoryGroup as Category } from '../../../contracts/cases-responses.ts';

/** GET /api/cases/suggestion-acceptance: 采纳率 of the category suggestion at 立案, last 30 days. */
export type { SuggestionAcceptance } from '../../../contracts/case-suggestion.ts';

/** A department serving a node (GET /api/org/nodes/:id/departments). */
export type Department = z.infer<typeof departmentServingSchema>;

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
