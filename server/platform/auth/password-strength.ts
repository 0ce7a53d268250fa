import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts ships the breached-common password list and keyboard patterns; we add nothing of our own.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });

export const MIN_PASSWORD_LENGTH = 8;
/** zxcvbn score 0–4; 3 = "safely unguessable" against an online attack with throttling. */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordVerdict {
  ok: boolean;
  score: number;
  reason: string | null;
}

/**
 * Judges a new password: long enough, not on the common/breached list, not built from the
 * account's own name or username. Reasons are in Chinese for the form.
 */
export function judgePassword(password: string, userInputs: string[] = []): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { ok: false, score: 0, reason: `密码至少 ${MIN_PASSWORD_LENGTH} 位` };
  const lowered = password.toLowerCase();
  if (userInputs.some((u) => u.length >= 3 && lowered.includes(u.toLowerCase()))) {
    return { ok: false, score: 0, reason: '密码不能包含用户名或姓名' };
  }
  const result = zxcvbn.check(password, userInputs.filter(Boolean));
  const commonHit = result.sequence.some(
    (m) => m.pattern === 'dictionary' && (m as { dictionaryName?: string }).dictionaryName?.startsWith('passwords'),
  );
  if (result.score < MIN_PASSWORD_SCORE) {
    return {
      ok: false,
      score: result.score,
      reason: commonHit ? '该密码属于常见或已泄露密码，请换一个' : '密码太容易被猜到，请使用更长或更复杂的组合',
    };
  }
  return { ok: true, score: result.score, reason: null };
}
