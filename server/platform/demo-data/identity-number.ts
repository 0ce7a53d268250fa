/**
 * Synthetic 18-digit resident identity numbers (GB 11643-1999) for demo residents.
 * They are well-formed (valid check digit) but invented: never seed real people's numbers.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type BirthDate = Date | { y: number; m: number; d: number };

/** Check character for the first 17 digits: Σ(digit × weight) mod 11 → '10X98765432'. */
export function identityCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`需要17位数字，收到 ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * @param areaCode6 county-level code of the registered residence, e.g. '320508'
 * @param sequence  0–499: becomes the 15th–17th digits with the 17th forced odd (male) / even (female)
 */
export function makeIdentityNumber(
  areaCode6: string,
  birth: BirthDate,
  sequence: number,
  sex: 'male' | 'female',
): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new Error(`地区代码必须是6位数字，收到 ${areaCode6}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 499)
    throw new Error(`顺序号必须在 0–499 之间，收到 ${sequence}`);
  // Date objects are read in UTC so that the server's time zone cannot shift a birthday.
  const { y, m, d } =
    birth instanceof Date ? { y: birth.getUTCFullYear(), m: birth.getUTCMonth() + 1, d: birth.getUTCDate() } : birth;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new Error(`出生日期无效：${y}-${m}-${d}`);
  }
  // Two sequence slots per number: 2n+1 is the odd (male) code, 2n the even (female) one.
  const order = sequence * 2 + (sex === 'male' ? 1 : 0);
  const first17 =
    areaCode6 + String(y) + String(m).padStart(2, '0') + String(d).padStart(2, '0') + String(order).padStart(3, '0');
  return first17 + identityCheckChar(first17);
}
