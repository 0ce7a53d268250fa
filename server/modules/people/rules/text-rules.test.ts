import { describe, expect, it } from 'vitest';
import { componentCodeProblem } from './component-code.ts';
import { bigrams } from './tokens.ts';
import { createPiiCodec } from '../pii.ts';

describe('bigram tokens', () => {
  it('covers every 2-character window of name and address, so 王芳 and 漏水 are index terms', () => {
    expect(bigrams('王芳')).toEqual(['王芳']);
    expect(bigrams('东港二村 3幢')).toEqual(['东港', '港二', '二村', '3幢']);
  });
});

describe('component codes (6 + 2 + 2 + 6 digits)', () => {
  it('accepts a code of the district', () => expect(componentCodeProblem('3205080101000001', '320508')).toBeNull());
  it.each([
    ['15 digits', '320508010100000'],
    ['unknown major class', '3205089901000001'],
    ['minor 00', '3205080100000001'],
    ['sequence 0', '3205080101000000'],
    ['other district', '3205070101000001'],
  ])('rejects %s', (_l, code) => expect(componentCodeProblem(code, '320508')).not.toBeNull());
});

describe('PII codec', () => {
  const codec = createPiiCodec('test-key');
  it('round-trips, never repeats a ciphertext, and refuses a tampered one', () => {
    const a = codec.seal('11010519491231002X');
    expect(a).not.toContain('1101');
    expect(codec.open(a)).toBe('11010519491231002X');
    expect(codec.seal('11010519491231002X')).not.toBe(a);
    const tampered = `v1:${Buffer.from(Buffer.from(a.slice(3), 'base64').map((b, i) => (i === 30 ? b ^ 1 : b))).toString('base64')}`;
    expect(() => codec.open(tampered)).toThrow();
  });
  it('gives a stable keyed hash that depends on the key', () => {
    expect(codec.lookupHash('id', '11010519491231002x')).toBe(codec.lookupHash('id', '11010519491231002X'));
    expect(createPiiCodec('other').lookupHash('id', '11010519491231002X')).not.toBe(
      codec.lookupHash('id', '11010519491231002X'),
    );
  });
});
