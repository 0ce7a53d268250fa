import { describe, expect, it } from 'vitest';
import { judgePassword } from './password-strength.ts';

describe('judgePassword', () => {
  it.each([
    ['short', '密码至少 8 位'],
    ['password1', '该密码属于常见或已泄露密码，请换一个'],
    ['wangfang2026', '密码不能包含用户名或姓名'],
  ])('refuses %s with a reason', (password, reason) => {
    expect(judgePassword(password, ['wangfang'])).toMatchObject({ ok: false, reason });
  });

  it('accepts a long passphrase', () => {
    expect(judgePassword('青石巷 morning tea 42', ['wangfang']).ok).toBe(true);
  });
});
