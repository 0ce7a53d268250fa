import { describe, expect, it } from 'vitest';
import { chainSummary } from './chain-summary';

const base = {
  checked: 42,
  unsealed: 0,
  head: { seq: 42, hash: 'ab', sealedAt: '2026-12-04T02:00:00Z' },
  lastSealedAt: '2026-12-04T02:00:00Z',
};

describe('chainSummary', () => {
  it('states the count and the last seal time in Shanghai', () => {
    expect(chainSummary({ ...base, intact: true, broken: null })).toMatch(
      /^审计链完整（已校验 42 条，最近封存于 2026\/12\/4 10:00:00）$/,
    );
  });
  it('names the first broken row', () => {
    const text = chainSummary({
      ...base,
      intact: false,
      broken: {
        id: 7,
        seq: 5,
        problem: 'content_changed',
        message: '记录 #7（第 5 条）：内容与封存时的哈希不符（封存后被改动）',
      },
    });
    expect(text).toContain('首个异常为记录 #7（第 5 条）');
  });
});
