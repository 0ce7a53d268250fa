import fc from 'fast-check';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { identityCheckChar, makeIdentityNumber } from './identity-number.ts';

describe('makeIdentityNumber', () => {
  it('computes the GB 11643 check digit of the published vector 11010519491231002X', () => {
    expect(identityCheckChar('11010519491231002')).toBe('X');
    expect(validator.isIdentityCard('11010519491231002X', 'zh-CN')).toBe(true);
    // sequence 1 → order code 002, the even (female) slot of the vector
    expect(makeIdentityNumber('110105', { y: 1949, m: 12, d: 31 }, 1, 'female')).toBe('11010519491231002X');
  });

  it('produces numbers that validator accepts for any birth date, sequence and sex', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 499 }),
        fc.constantFrom('male' as const, 'female' as const),
        (birth, sequence, sex) => {
          const id = makeIdentityNumber('320508', birth, sequence, sex);
          expect(id).toMatch(/^320508\d{11}[\dX]$/);
          expect(validator.isIdentityCard(id, 'zh-CN')).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('encodes sex in the 17th digit: odd for male, even for female', () => {
    for (let seq = 0; seq < 500; seq += 37) {
      expect(Number(makeIdentityNumber('320508', { y: 1980, m: 5, d: 1 }, seq, 'male')[16]) % 2).toBe(1);
      expect(Number(makeIdentityNumber('320508', { y: 1980, m: 5, d: 1 }, seq, 'female')[16]) % 2).toBe(0);
    }
  });

  it('writes the birth date as YYYYMMDD, reading Date objects in UTC', () => {
    expect(makeIdentityNumber('320508', new Date(Date.UTC(2001, 1, 3)), 0, 'male').slice(6, 14)).toBe('20010203');
  });

  it('rejects impossible dates, bad area codes and out-of-range sequences', () => {
    expect(() => makeIdentityNumber('320508', { y: 2023, m: 2, d: 29 }, 0, 'male')).toThrow('出生日期无效');
    expect(() => makeIdentityNumber('3205', { y: 2000, m: 1, d: 1 }, 0, 'male')).toThrow('地区代码');
    expect(() => makeIdentityNumber('320508', { y: 2000, m: 1, d: 1 }, 500, 'male')).toThrow('顺序号');
  });
});
