import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, usccCheckChar, usccProblem } from './uscc.ts';

// Published codes of well-known organisations (business licences / registers), each valid under
// both GB 32100 and the embedded GB 11714 check.
const VALID = [
  '91350100M000100Y43', // the GB 32100 example code
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91110000600037341L', // 北京 (foreign-invested enterprise)
  '53100000500021676K', // 民政 registered social organisation (5/3)
  '12100000400000624D', // 机构编制: public institution (1/2)
  '11100000000013127D', // 机构编制: organ (1/1)
];

/** Changes one position to a value that keeps the alphabet but breaks exactly one rule. */
function withChar(code: string, index: number, char: string): string {
  return code.slice(0, index) + char + code.slice(index + 1);
}
/** A code whose organisation-code check is wrong but whose own check character is recomputed to match. */
function brokenOrgCode(code: string): string {
  const orgBad = withChar(code, 16, orgCodeCheckChar(code.slice(8, 16)) === '1' ? '2' : '1');
  return orgBad.slice(0, 17) + usccCheckChar(orgBad.slice(0, 17));
}

describe('usccProblem (GB 32100 with embedded GB 11714)', () => {
  it.each(VALID)('accepts %s', (code) => expect(usccProblem(code)).toBeNull());

  it.each([
    ['too short', '91350100M000100Y4', 'length'],
    ['too long', '91350100M000100Y431', 'length'],
    ['letter outside the 31-character alphabet (I)', withChar('91350100M000100Y43', 8, 'I'), 'alphabet'],
    ['letter outside the alphabet (O)', withChar('91350100M000100Y43', 9, 'O'), 'alphabet'],
    ['lower case', '91350100m000100y43', 'alphabet'],
    ['unknown registration authority', withChar('91350100M000100Y43', 0, 'B'), 'authority'],
    ['type not allowed for the authority (工商 has no 9)', withChar('91350100M000100Y43', 1, '9'), 'type'],
    ['division code not numeric', withChar('91350100M000100Y43', 4, 'A'), 'division'],
    ['embedded organisation code check fails, outer check recomputed', brokenOrgCode('91350100M000100Y43'), 'org_code'],
    ['wrong final check character', withChar('91350100M000100Y43', 17, '4'), 'check'],
    ['two adjacent characters swapped', '91350100M000100Y34', 'org_code'],
  ])('rejects a code with %s', (_label, code, problem) => expect(usccProblem(code)).toBe(problem));

  it('maps a GB 11714 remainder of 10 to X and 11 to 0', () => {
    expect(orgCodeCheckChar('00000006')).toBe('X'); // Σ = 6 × 2 = 12, 12 mod 11 = 1, 11 − 1 = 10
    expect(orgCodeCheckChar('00000000')).toBe('0'); // Σ = 0, 11 − 0 = 11
  });
});
