import { z } from 'zod';
import { nodeLevelSchema } from './accounts.ts';
import { pageInfo } from './org.ts';
import { roleSchema } from './roles.ts';
import { MOBILE_RE } from './phone.ts';
import { decimal, decimalNumber } from './query.ts';

export { MOBILE_RE };

export const accountStateSchema = z.enum(['active', 'disabled']);

export const accountListQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(100)).default(20),
  q: z.string().trim().max(60).optional(),
  role: roleSchema.optional(),
  state: accountStateSchema.optional(),
  /** Only accounts whose scope lies at or under this org node. */
  scopeNodeId: decimal(decimalNumber().int().positive()).optional(),
});

export const accountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  phone: z.string().nullable(),
  scope: z.object({ nodeId: z.number(), level: nodeLevelSchema, code: z.string(), name: z.string() }).nullable(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  state: accountStateSchema,
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  createdAt: z.string(),
  /** What the viewer may do to this account (edit, disable, enable, reset). */
  abilities: z.array(z.string()),
});
export type Account = z.infer<typeof accountSchema>;

export const accountPageSchema = z.object({ data: z.array(accountSchema), page: pageInfo });

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');
const phone = z.string().trim().regex(MOBILE_RE, '请输入 11 位手机号');

export const createAccountBody = z.object({
  username,
  displayName: z.string().trim().min(1, '请输入姓名').max(40),
  phone: phone.nullish(),
  role: roleSchema,
  scopeNodeId: z.number().int().positive(),
  departmentId: z.number().int().positive().nullish(),
  /** Omitted: the server generates a one-time password and returns it once. */
  password: z.string().min(1).max(128).optional(),
});
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z.object({
  displayName: z.string().trim().min(1, '请输入姓名').max(40).optional(),
  phone: phone.nullable().optional(),
  role: roleSchema.optional(),
  scopeNodeId: z.number().int().positive().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
});
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

/** An account plus the password shown once (generated on creation or reset). */
export const accountWithPasswordSchema = z.object({ data: accountSchema, temporaryPassword: z.string().nullable() });

export const grantableSchema = z.object({
  data: z.object({
    roles: z.array(
      z.object({ role: roleSchema, label: z.string(), levels: z.array(nodeLevelSchema), needsDepartment: z.boolean() }),
    ),
    /** The actor's own scope: the root of the scope picker. */
    scope: z.object({ nodeId: z.number(), level: nodeLevelSchema, name: z.string() }).nullable(),
    departments: z.array(z.object({ id: z.number(), name: z.string(), servesNodeId: z.number() })),
  }),
});

// ---- self-service ----

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export const sessionListSchema = z.object({ data: z.array(sessionSchema) });

export const totpSetupSchema = z.object({
  data: z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }),
});
export const totpCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 6 位动态口令'),
});
export const totpDisableBody = totpCodeBody.extend({ password: z.string().min(1, '请输入密码').max(256) });
export const totpStatusSchema = z.object({ data: z.object({ enabled: z.boolean(), required: z.boolean() }) });

export const securitySettingsSchema = z.object({ totpRequiredForAdmins: z.boolean() });
export const securitySettingsResponse = z.object({ data: securitySettingsSchema });

// ---- roster import ----

export const rosterOutcomeSchema = z.enum(['created', 'updated', 'unchanged']);
export const rosterRowIssueSchema = z.object({ rowNo: z.number(), column: z.string(), message: z.string() });
export const rosterResultSchema = z.object({
  data: z.object({
    counts: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
    rows: z.array(
      z.object({ rowNo: z.number(), username: z.string(), displayName: z.string(), outcome: rosterOutcomeSchema }),
    ),
    /** One-time passwords of the accounts just created; not stored in plain text anywhere. */
    passwords: z.array(z.object({ username: z.string(), displayName: z.string(), password: z.string() })),
  }),
});
export type RosterResult = z.infer<typeof rosterResultSchema>['data'];
/** The 422 body's details of a rejected roster: one entry per bad cell. */
export type RosterRowIssue = z.infer<typeof rosterRowIssueSchema>;

export const ROSTER_HEADERS = ['用户名', '姓名', '手机号', '身份证号', '角色', '管辖范围编码', '部门编码'] as const;
