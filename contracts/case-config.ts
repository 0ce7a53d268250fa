import { z } from 'zod';
import { dispatchLevelSchema } from './cases.ts';
import { decimal, decimalNumber } from './query.ts';

/** Longest step limit an administrator may set: 60 working days of 7.5 h. */
export const MAX_STEP_MINUTES = 60 * 450;
const minutes = z
  .number({ message: '时限应为整数分钟' })
  .int('时限应为整数分钟')
  .min(1, '时限至少 1 分钟')
  .max(MAX_STEP_MINUTES, `时限不能超过 ${MAX_STEP_MINUTES} 分钟（60 个工作日）`)
  .nullable();

export const stepLimitsSchema = z.object({
  acceptMinutes: minutes.optional(),
  signMinutes: minutes.optional(),
  handleMinutes: minutes.optional(),
  verifyMinutes: minutes.optional(),
});

export const categoryKindSchema = z.enum(['event', 'component', 'community']);

export const createCategoryBody = stepLimitsSchema.extend({
  parentId: z.number().int().positive().nullable().default(null),
  code: z
    .string()
    .trim()
    .regex(/^\d{2}(\d{2})?$/, '类别编码应为 2 位（大类）或 4 位（小类）数字'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(30, '名称不能超过 30 个字'),
  kind: categoryKindSchema.optional(),
  defaultLevel: dispatchLevelSchema.nullable().optional(),
  defaultDepartmentCode: z.string().trim().min(1).max(40).nullable().optional(),
});

/** Code and parent are fixed once created: the code is the Open311 service code clients keep. */
export const updateCategoryBody = stepLimitsSchema.extend({
  name: createCategoryBody.shape.name.optional(),
  kind: categoryKindSchema.optional(),
  defaultLevel: dispatchLevelSchema.nullable().optional(),
  defaultDepartmentCode: z.string().trim().min(1).max(40).nullable().optional(),
  active: z.boolean().optional(),
});

export const overrideBody = stepLimitsSchema;
export const overrideParams = z.object({
  id: decimal(decimalNumber().int().positive()),
  nodeId: decimal(decimalNumber().int().positive()),
});

export const questionDatatypeSchema = z.enum([
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
]);
export const questionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{0,39}$/, '问题编码应为大写字母开头的字母、数字或下划线'),
  datatype: questionDatatypeSchema,
  required: z.boolean().default(false),
  description: z.string().trim().min(2, '问题至少 2 个字').max(100),
  datatypeDescription: z.string().trim().max(100).nullable().default(null),
  values: z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .regex(/^[a-z0-9_]{1,40}$/, '选项编码应为小写字母、数字或下划线'),
        name: z.string().trim().min(1).max(40),
      }),
    )
    .max(30)
    .default([]),
});
/** The whole list at once, in the order asked: editing one question reorders the others anyway. */
export const replaceQuestionsBody = z.object({ questions: z.array(questionSchema).max(20) });

export const templateActionSchema = z.enum([
  'reject',
  'return',
  'handle',
  'feedback',
  'verify',
  'rework',
  'close',
  'request_extension',
  'refuse_extension',
  'park',
]);
export const TEMPLATE_ACTION_LABELS: Record<z.infer<typeof templateActionSchema>, string> = {
  reject: '不予立案',
  return: '退回',
  handle: '处置反馈',
  feedback: '回复群众',
  verify: '核查通过',
  rework: '核查不通过',
  close: '结案',
  request_extension: '申请延期',
  refuse_extension: '驳回延期',
  park: '挂起',
};
export const createTemplateBody = z.object({
  action: templateActionSchema,
  text: z.string().trim().min(2, '回复内容至少 2 个字').max(500, '回复内容不能超过 500 字'),
  categoryId: z.number().int().positive().nullable().default(null),
  /** Where the template is offered; defaults to the author's own scope node. */
  scopeNodeId: z.number().int().positive().optional(),
});
export const updateTemplateBody = z.object({
  text: createTemplateBody.shape.text.optional(),
  categoryId: z.number().int().positive().nullable().optional(),
});
export const templatesQuery = z.object({
  action: templateActionSchema.optional(),
  categoryId: decimal(decimalNumber().int().positive()).optional(),
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(50),
});
