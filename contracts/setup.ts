import { z } from 'zod';
import { mobilePhone } from './phone.ts';

/** A county-level division (区/县) from the NBS 2023 list, as the setup page offers it. */
export const divisionSchema = z.object({ code: z.string(), name: z.string(), city: z.string(), province: z.string() });
export type Division = z.infer<typeof divisionSchema>;

export const streetDivisionSchema = z.object({ code: z.string(), name: z.string() });
export type StreetDivision = z.infer<typeof streetDivisionSchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const divisionSearchQuery = z.object({ q: z.string().trim().max(40).default('') });
export const divisionCodeParams = z.object({ code: z.string().regex(/^\d{6}$/, '区县代码应为 6 位数字') });

export const USERNAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/;

export const setupBody = z.object({
  setupCode: z.string().trim().min(1, '请输入初始化码').max(20),
  districtCode: z.string().regex(/^\d{6}$/, '区县代码应为 6 位数字'),
  streetCodes: z
    .array(z.string().regex(/^\d{9}$/, '街道代码应为 9 位数字'))
    .min(1, '请至少选择一个街道（乡镇）')
    .max(200),
  admin: z.object({
    username: z.string().trim().regex(USERNAME_PATTERN, '用户名以字母开头，3–32 位字母、数字或 _ . -'),
    displayName: z.string().trim().min(2, '请填写姓名').max(32),
    password: z.string().max(256),
    phone: mobilePhone('请填写 11 位手机号'),
  }),
});
export type SetupBody = z.infer<typeof setupBody>;

export const setupResultSchema = z.object({
  district: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  streets: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
  admin: z.object({ id: z.number(), username: z.string() }),
});
