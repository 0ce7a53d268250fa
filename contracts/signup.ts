import { z } from 'zod';
import { pageInfo, pageQuery } from './org.ts';
import { mobilePhone } from './phone.ts';

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const mainlandMobile = mobilePhone();
const realName = z.string().trim().min(2, '请输入真实姓名（至少 2 个字）').max(30, '姓名过长');

/** What a resident tells us about themself; staff check it against base data (实名核验). */
export const identityClaim = z.object({
  displayName: realName,
  phone: mainlandMobile,
  houseNodeId: z.number({ message: '请选择所住房屋' }).int().positive(),
});

export const signupBody = identityClaim.extend({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{4,32}$/, '用户名为 4–32 位字母、数字、下划线、点或短横线'),
  password: z.string().min(1, '请输入密码').max(256),
});
export type SignupBody = z.infer<typeof signupBody>;

export const SIGNUP_STATES = ['pending', 'rejected', 'verified'] as const;
export type SignupState = (typeof SIGNUP_STATES)[number];

export const signupListQuery = pageQuery.extend({ state: z.enum(SIGNUP_STATES).default('pending') });
export const verifyBody = z.object({ personId: z.number({ message: '请选择核验对应的居民' }).int().positive() });
export const rejectBody = z.object({ note: z.string().trim().min(2, '请填写退回原因，居民将看到它').max(200) });

export const publicChildrenQuery = pageQuery;
/** Sign-up house picker: children of a node, names and codes only. */
export const publicChildrenResponse = z.object({
  data: z.array(
    z.object({
      id: z.number(),
      level: z.enum(['district', 'street', 'community', 'grid', 'estate', 'building', 'house']),
      name: z.string(),
      code: z.string(),
    }),
  ),
  page: pageInfo,
});
export const publicCommunitiesQuery = z.object({ q: z.string().trim().min(1, '请输入社区名称').max(20) });

/** The address of a house as its resident reads it. */
export const houseAddressSchema = z.object({
  houseNodeId: z.number(),
  communityId: z.number(),
  communityName: z.string(),
  address: z.string(),
});
export type HouseAddress = z.infer<typeof houseAddressSchema>;

export const signupSummarySchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  state: z.enum(SIGNUP_STATES),
  note: z.string().nullable(),
  house: houseAddressSchema.nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
});
export type SignupSummary = z.infer<typeof signupSummarySchema>;
export const signupPageResponse = z.object({ data: z.array(signupSummarySchema), page: pageInfo });

/** A base-data resident who may be the person signing up (masked), with what matched. */
export const signupCandidateSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string(),
  sameHouse: z.boolean(),
  sameName: z.boolean(),
  samePhone: z.boolean(),
});
export type SignupCandidate = z.infer<typeof signupCandidateSchema>;
export const signupDetailResponse = z.object({
  data: signupSummarySchema.extend({ personId: z.number().nullable(), candidates: z.array(signupCandidateSchema) }),
  abilities: z.array(z.enum(['read', 'verify', 'reject'])),
});

export const myVerificationSchema = z.object({
  state: z.enum(SIGNUP_STATES),
  note: z.string().nullable(),
  displayName: z.string(),
  phone: z.string().nullable(),
  house: houseAddressSchema.nullable(),
});
export type MyVerification = z.infer<typeof myVerificationSchema>;
export const myVerificationResponse = z.object({ data: myVerificationSchema });
