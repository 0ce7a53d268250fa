import validator from 'validator';
import { MOBILE_RE } from '../../../../contracts/phone.ts';

export interface IdentityFacts {
  gender: '男' | '女';
  birthDate: string;
}

/**
 * GB 11643 citizen identity number: `validator` checks length, area, birth date and the check
 * digit (it was verified against the standard vectors); we derive gender (17th digit odd = 男)
 * and birth date (digits 7–14) so that typed-in columns can be cross-checked.
 */
export function identityProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为18位（末位可为X）';
  if (!validator.isIdentityCard(id, 'zh-CN')) return '身份证号校验失败（地区码、出生日期或校验码错误）';
  return null;
}

export function identityFacts(id: string): IdentityFacts {
  return {
    gender: Number(id[16]) % 2 === 1 ? '男' : '女',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
}

/** Passport numbers of foreign residents: letters and digits, 5–17 characters. */
export function passportProblem(value: string): string | null {
  return /^[A-Z0-9]{5,17}$/.test(value) ? null : '护照号码应为5–17位字母或数字';
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function phoneProblem(phone: string): string | null {
  return MOBILE_RE.test(phone) ? null : '手机号应为11位，以13–19开头';
}

export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
