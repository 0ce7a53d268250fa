import { describe, expect, it } from 'vitest';
import { parseLsn, replicaUnavailable } from './read-replica.ts';

describe('WAL positions in the gh_wal cookie', () => {
  it('orders positions across the 32-bit boundary and refuses anything else', () => {
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    expect(parseLsn('16/B374D848')! > parseLsn('16/B374D847')!).toBe(true);
    expect(parseLsn('0/0')).toBe(0n);
    for (const bad of ['', '16', '16/', '/1', 'G/1', '1/2/3', '123456789/0', undefined, null])
      expect(parseLsn(bad)).toBeNull();
  });
});

describe('which replica errors fall back to the primary', () => {
  it('is connection and recovery trouble, not a bad query', () => {
    expect(
      replicaUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(replicaUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      replicaUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      replicaUnavailable(
        Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' }),
      ),
    ).toBe(true);
    expect(replicaUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(replicaUnavailable(Object.assign(new Error('column "x" does not exist'), { code: '42703' }))).toBe(false);
    expect(replicaUnavailable(null)).toBe(false);
  });
});
