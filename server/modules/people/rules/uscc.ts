/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015, with the embedded organisation
 * code checked by GB 11714-1997.
 *
 * GB 32100 layout (18 characters from the 31-character alphabet 0-9 A-H J-N P-R T U W-Y, i.e.
 * without I O Z S V):
 *   1     registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, …)
 *   2     entity type within that authority
 *   3–8   administrative division code (6 digits)
 *   9–17  organisation code (GB 11714: 8 body characters + check character)
 *   18    check character: C18 = 31 − (Σ value(Ci) × Wi mod 31), Wi = 3^(i−1) mod 31,
 *         i.e. 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; 31 maps to '0'.
 * GB 11714 check (position 9 of the organisation code): C9 = 11 − (Σ value(Ci) × Wi mod 11) with
 *   Wi = 3 7 9 10 5 8 4 2, value of a digit is the digit, of a letter A=10 … Z=35; 10 → 'X', 11 → '0'.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** Registration authority → allowed entity-type codes (GB 32100 appendix A and later assignments). */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '1239',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

export type UsccProblem = 'length' | 'alphabet' | 'authority' | 'type' | 'division' | 'org_code' | 'check';

export const USCC_PROBLEM_TEXT: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为18位',
  alphabet: '含有不允许的字符（不使用 I、O、Z、S、V）',
  authority: '登记管理部门代码错误（第1位）',
  type: '机构类别代码与登记管理部门不匹配（第2位）',
  division: '登记管理机关行政区划码应为6位数字（第3–8位）',
  org_code: '内嵌组织机构代码校验失败（第9–17位，GB 11714）',
  check: '校验码错误（第18位）',
};

function orgCodeValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The first rule the code breaks, or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'alphabet';
  const types = AUTHORITY_TYPES[code[0]!];
  if (!types) return 'authority';
  if (!types.includes(code[1]!)) return 'type';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org_code';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check';
  return null;
}
