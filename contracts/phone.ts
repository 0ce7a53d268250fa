import { z } from 'zod';

/** Mainland mobile numbers: 11 digits starting 13–19 (the one rule for every form and import). */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

export const mobilePhone = (message = '请输入 11 位中国大陆手机号') => z.string().trim().regex(MOBILE_RE, message);
