// fake-indexeddb stands in for the browser's IndexedDB (vitest runs these in Node).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import type { ReportInput } from '../cases/types';
import { QueueStore } from './queue-store';
import { newClientRef, submitPatrol } from './submit';
import type { OutboxTransport } from './sync';

let store: QueueStore;
let dbCount = 0;
beforeEach(() => {
  store = new QueueStore(`submit-test-${++dbCount}`);
});
afterEach(() => store.close());

const input: ReportInput = { title: '路灯不亮', description: '东门路灯不亮', address: '东门', photoIds: [] };
const photo = new File(['png'], 'lamp.png', { type: 'image/png' });

function transport(outcome: () => Promise<{ id: number; caseNo: string }>): OutboxTransport & { sent: ReportInput[] } {
  const sent: ReportInput[] = [];
  return {
    sent,
    uploadPhoto: async () => 9,
    report: async (body) => {
      sent.push(body);
      return outcome();
    },
  };
}

describe('submitPatrol', () => {
  it('only queues while offline, with the photo kept on the phone', async () => {
    const t = transport(async () => ({ id: 1, caseNo: 'GS1' }));
    expect(await submitPatrol(store, t, { userId: 3, input, photos: [photo], online: false })).toEqual({
      queued: true,
    });
    expect(t.sent).toHaveLength(0);
    const [queued] = await store.list(3);
    expect(queued).toMatchObject({ state: 'pending', input: { title: '路灯不亮', address: '东门' } });
    expect(queued!.input).not.toHaveProperty('photoIds');
    expect(await queued!.photos[0]!.blob!.text()).toBe('png');
  });

  it('files at once when online and leaves nothing in the queue', async () => {
    const t = transport(async () => ({ id: 4, caseNo: 'GS4' }));
    expect(await submitPatrol(store, t, { userId: 3, input, photos: [photo], online: true })).toEqual({
      queued: false,
      caseId: 4,
      caseNo: 'GS4',
    });
    expect(t.sent[0]).toMatchObject({ photoIds: [9] });
    expect(await store.list(3)).toEqual([]);
  });

  it('keeps the report 待同步 when the network fails mid-way', async () => {
    const t = transport(async () => {
      throw new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');
    });
    expect(await submitPatrol(store, t, { userId: 3, input, photos: [], online: true })).toEqual({ queued: true });
    expect((await store.list(3)).map((r) => r.state)).toEqual(['pending']);
  });

  it("hands a refusal back to the form with the server's error and drops it from the queue", async () => {
    const refusal = new ApiError(422, 'VALIDATION_FAILED', 'categoryId: 案件类别不存在', [
      { path: 'categoryId', message: '案件类别不存在' },
    ]);
    const t = transport(async () => {
      throw refusal;
    });
    await expect(submitPatrol(store, t, { userId: 3, input, photos: [], online: true })).rejects.toBe(refusal);
    expect(await store.list(3)).toEqual([]);
  });
});

describe('the queue', () => {
  it('forgets 已同步 reports after a while, never unsent ones', async () => {
    const old = '2026-12-01T00:00:00Z';
    const base = { userId: 3, input, photos: [], takenAt: old, queuedAt: old };
    await store.put({ ...base, clientRef: 'a', state: 'synced', caseId: 1, caseNo: 'GS1' });
    await store.put({ ...base, clientRef: 'b', state: 'pending' });
    await store.put({ ...base, clientRef: 'c', state: 'synced', queuedAt: '2026-12-06T23:00:00Z' });
    await store.pruneSynced(3, 3 * 24 * 3600 * 1000, Date.parse('2026-12-07T00:00:00Z'));
    expect((await store.list(3)).map((r) => r.clientRef)).toEqual(['b', 'c']);
  });

  it('makes version-4 UUIDs the server accepts', () => {
    const ref = newClientRef();
    expect(ref).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newClientRef()).not.toBe(ref);
  });
});
