import { z } from 'zod';
import { pageQuery } from './org.ts';
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
export const publicCommunitiesQuery = z.object({ q: z.string().trim().min(1, '请输入社区名称').max(20) });

/** The address of a house as its resident reads it. */
export interface HouseAddress {
  houseNodeId: number;
  communityId: number;
  communityName: string;
  address: string;
}

export interface SignupSummary {
  id: number;
  username: string;
  displayName: string;
  phoneMasked: string | null;
  state: SignupState;
  note: string | null;
  house: HouseAddress | null;
  createdAt: string;
  verifiedAt: string | null;
}

export interface SignupCandidate {
  id: number;
  name: string;
  gender: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  address: string;
  sameHouse: boolean;
  sameName: boolean;
  samePhone: boolean;
}

export interface MyVerification {
  state: SignupState;
  note: string | null;
  displayName: string;
  phone: string | null;
  house: HouseAddress | null;
}
