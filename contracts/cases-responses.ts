import { z } from 'zod';
import { questionDatatypeSchema, templateActionSchema } from './case-config.ts';
import { caseActionSchema, caseSourceSchema, caseStateSchema, dispatchLevelSchema } from './cases.ts';
import { sentDateTime } from './datetime.ts';

/** Case loop responses (what the server sends; fields not listed here are dropped by the serializer). */

/** Where a case sits: the levels it is dispatched to, or 'meeting' while on a 议事 agenda. */
export const caseLevelSchema = z.enum([...dispatchLevelSchema.options, 'meeting']);

export const deadlineSchema = z.enum(['green', 'yellow', 'red']).nullable();

const categoryRow = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['event', 'component', 'community']),
  defaultLevel: caseLevelSchema.nullable(),
  defaultDepartmentCode: z.string().nullable(),
  acceptMinutes: z.number().nullable(),
  signMinutes: z.number().nullable(),
  handleMinutes: z.number().nullable(),
  verifyMinutes: z.number().nullable(),
  active: z.boolean(),
});
export type CategoryRow = z.infer<typeof categoryRow>;
export const categoryTreeResponse = z.object({
  data: z.array(categoryRow.extend({ children: z.array(categoryRow) })),
});
export type CategoryGroup = z.infer<typeof categoryTreeResponse>['data'][number];
export const categoryResponse = z.object({ data: categoryRow });

export const reportedCaseResponse = z.object({
  data: z.object({
    id: z.number(),
    caseNo: z.string(),
    state: caseStateSchema,
    version: z.number(),
    dueAt: sentDateTime().nullable(),
  }),
});
export const transitionedCaseResponse = z.object({
  data: z.object({ id: z.number(), state: caseStateSchema, version: z.number(), dueAt: sentDateTime().nullable() }),
});

export const caseListItemSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  title: z.string(),
  state: caseStateSchema,
  stateLabel: z.string(),
  source: caseSourceSchema,
  reportedAt: sentDateTime(),
  dueAt: sentDateTime().nullable(),
  deadline: deadlineSchema,
  categoryName: z.string().nullable(),
  communityName: z.string().nullable(),
  gridId: z.number().nullable(),
  dispatchLevel: caseLevelSchema.nullable(),
  departmentName: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number(),
  thumbnailId: z.number().nullable(),
});
export type CaseListItem = z.input<typeof caseListItemSchema>;
export const casePageResponse = z.object({
  data: z.array(caseListItemSchema),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), totalCapped: z.boolean() }),
});
export type CasePage = z.input<typeof casePageResponse>;

export const timelineEventSchema = z.object({
  id: z.number(),
  at: sentDateTime(),
  action: z.string(),
  fromState: caseStateSchema.nullable(),
  toState: caseStateSchema.nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.number()),
  data: z.record(z.string(), z.unknown()).nullable(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable(),
});
export type TimelineEvent = z.input<typeof timelineEventSchema>;

const named = z.object({ id: z.number(), name: z.string() });
export const caseDetailSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  title: z.string(),
  description: z.string(),
  source: caseSourceSchema,
  state: caseStateSchema,
  stateLabel: z.string(),
  version: z.number(),
  category: z.object({ id: z.number(), name: z.string(), code: z.string() }).nullable(),
  department: named.nullable(),
  dispatchLevel: caseLevelSchema.nullable(),
  location: z.object({
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    address: z.string().nullable(),
    componentId: z.string().nullable(),
  }),
  grid: named.nullable(),
  community: named,
  street: named,
  /** `phone` is always masked (138****5678); `canReveal`: this user may show it whole (audited). */
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable(), canReveal: z.boolean() }),
  reportedAt: sentDateTime(),
  dueAt: sentDateTime().nullable(),
  deadline: deadlineSchema,
  escalationLevel: z.number(),
  stateReason: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  /** Answers to the category's extra questions (display: list values by their names). */
  answers: z.array(
    z.object({
      code: z.string(),
      question: z.string(),
      value: z.union([z.string(), z.number(), z.array(z.string())]),
      display: z.string(),
    }),
  ),
  score: z.number().nullable(),
  ratingComment: z.string().nullable(),
  photoIds: z.array(z.number()),
  timeline: z.array(timelineEventSchema),
  abilities: z.array(caseActionSchema),
});
export type CaseDetail = z.input<typeof caseDetailSchema>;
export const caseDetailResponse = z.object({ data: caseDetailSchema });

export const duplicateCandidateSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  title: z.string(),
  state: caseStateSchema,
  distanceM: z.number(),
  similarity: z.number(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export const duplicatesResponse = z.object({ data: z.array(duplicateCandidateSchema) });

/** A likely category; `confidence` is calibrated: of the suggestions shown at 70 %, about 7 in 10 are right. */
export const categoryCandidateSchema = z.object({
  categoryId: z.number(),
  code: z.string(),
  name: z.string(),
  confidence: z.number(),
});
export type CategoryCandidate = z.infer<typeof categoryCandidateSchema>;
export const suggestionSchema = z.object({
  trainedOn: z.number(),
  trainingMs: z.number(),
  enoughData: z.boolean(),
  /** The top-1 of `categories` (kept for older clients). */
  category: z.object({ id: z.number(), code: z.string(), name: z.string(), confidence: z.number() }).nullable(),
  /** Up to three, best first. */
  categories: z.array(categoryCandidateSchema),
  handler: z
    .object({ level: z.string(), departmentId: z.number().nullable(), name: z.string(), confidence: z.number() })
    .nullable(),
  duplicates: z.array(duplicateCandidateSchema),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionResponse = z.object({ data: suggestionSchema });

/** Figures per group as the indicator query computes them (rates in %, null without cases to rate). */
export const indicatorsResponse = z.object({
  data: z.object({
    rows: z.array(z.record(z.string(), z.unknown())),
    totals: z.record(z.string(), z.unknown()),
  }),
});

export const notificationSchema = z.object({
  id: z.number(),
  userId: z.number(),
  caseId: z.number().nullable(),
  kind: z.string(),
  text: z.string(),
  createdAt: sentDateTime(),
  readAt: sentDateTime().nullable(),
});
export type Notification = z.input<typeof notificationSchema>;
export const notificationsResponse = z.object({
  data: z.array(notificationSchema),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
  unread: z.number(),
});

// ── Configuration ──

export const caseQuestionSchema = z.object({
  code: z.string(),
  datatype: questionDatatypeSchema,
  required: z.boolean(),
  order: z.number(),
  description: z.string(),
  datatypeDescription: z.string().nullable(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type CaseQuestion = z.infer<typeof caseQuestionSchema>;
export const questionsResponse = z.object({ data: z.array(caseQuestionSchema) });

export const limitsSchema = z.object({
  acceptMinutes: z.number().nullable(),
  signMinutes: z.number().nullable(),
  handleMinutes: z.number().nullable(),
  verifyMinutes: z.number().nullable(),
});
export const overrideRowSchema = limitsSchema.extend({
  categoryId: z.number(),
  nodeId: z.number(),
  nodeName: z.string(),
  nodeLevel: z.string(),
});
const configCategory = categoryRow.extend({
  questions: z.array(caseQuestionSchema),
  overrides: z.array(overrideRowSchema),
});
/** A category on the configuration page; only top-level categories carry `children`. */
export type ConfigCategory = z.infer<typeof configCategory> & { children?: ConfigCategory[] };
export type Limits = z.infer<typeof limitsSchema>;
export type Override = z.infer<typeof overrideRowSchema>;
export const configTreeResponse = z.object({
  data: z.array(configCategory.extend({ children: z.array(configCategory) })),
  defaults: limitsSchema,
  abilities: z.array(z.enum(['read', 'write_tree', 'write_override', 'write_template'])),
});
export type ConfigTree = z.infer<typeof configTreeResponse>;
export const overrideResponse = z.object({
  data: limitsSchema.extend({ id: z.number(), categoryId: z.number(), nodeId: z.number() }),
});

export const offeredTemplatesResponse = z.object({
  data: z.array(z.object({ id: z.number(), text: z.string(), categoryId: z.number().nullable() })),
});
export type OfferedTemplate = z.infer<typeof offeredTemplatesResponse>['data'][number];
export const managedTemplateSchema = z.object({
  id: z.number(),
  action: templateActionSchema,
  text: z.string(),
  categoryId: z.number().nullable(),
  category: z.string().nullable(),
  scopeNodeId: z.number(),
  scopeName: z.string().nullable(),
  updatedAt: sentDateTime(),
});
export type ManagedTemplate = z.input<typeof managedTemplateSchema>;
export const managedTemplatesResponse = z.object({
  data: z.array(managedTemplateSchema),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
});
export const templateResponse = z.object({
  data: z.object({
    id: z.number(),
    categoryId: z.number().nullable(),
    action: templateActionSchema,
    text: z.string(),
    scopeNodeId: z.number(),
    scopePath: z.string(),
    createdBy: z.number().nullable(),
    updatedAt: sentDateTime(),
  }),
});
