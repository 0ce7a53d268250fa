import { describe, expect, it } from 'vitest';
import { makeIdentityNumber } from '../../../platform/demo-data/identity-number.ts';
import { identityFacts, identityProblem, phoneProblem } from './identity.ts';

const valid = makeIdentityNumber('320508', { y: 1958, m: 3, d: 9 }, 12, 'female');

describe('identity numbers (GB 11643 via validator)', () => {
  it('accepts the standard example and synthetic numbers, with X as check character', () => {
    expect(identityProblem('11010519491231002X')).toBeNull();
    expect(identityProblem(valid)).toBeNull();
  });
  it.each([
    ['wrong length', '32050819580309024'],
    ['letter inside', '3205081958A309024X'],
    [
      'impossible birth date (Feb 30)',
      makeIdentityNumber('320508', { y: 1958, m: 3, d: 9 }, 12, 'female').replace('19580309', '19580230'),
    ],
    ['wrong check digit', valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')],
    ['unknown area code', '990508' + valid.slice(6)],
  ])('rejects a number with %s', (_l, id) => expect(identityProblem(id)).not.toBeNull());
  it('derives gender from the 17th digit and birth date from digits 7–14', () => {
    expect(identityFacts(valid)).toEqual({ gender: '女', birthDate: '1958-03-09' });
    expect(identityFacts(makeIdentityNumber('320508', { y: 2001, m: 12, d: 31 }, 3, 'male'))).toEqual({
      gender: '男',
      birthDate: '2001-12-31',
    });
  });
  it('checks mainland mobile numbers', () => {
    expect(phoneProblem('13812345678')).toBeNull();
    expect(phoneProblem('12812345678')).not.toBeNull();
    expect(phoneProblem('1381234567')).not.toBeNull();
  });
});
