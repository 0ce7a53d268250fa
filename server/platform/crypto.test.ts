import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './crypto.ts';

describe('createFieldCipher', () => {
  const cipher = createFieldCipher('test-key');
  it('round-trips a phone number and never stores it in clear', () => {
    const stored = cipher.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(cipher.decrypt(stored)).toBe('13812345678');
    expect(cipher.encrypt('13812345678')).not.toBe(stored); // random IV
  });
  it('gives the same lookup hash for the same value, a different one under another key', () => {
    expect(cipher.lookupHash('x')).toBe(cipher.lookupHash('x'));
    expect(createFieldCipher('other').lookupHash('x')).not.toBe(cipher.lookupHash('x'));
  });
  it('refuses a tampered value', () => {
    const stored = cipher.encrypt('110105194912310021');
    const tampered = stored.slice(0, -2) + (stored.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(tampered)).toThrow();
  });
});
