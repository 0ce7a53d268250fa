// fake-indexeddb stands in for the browser's IndexedDB (vitest runs these in Node); the server is
// played by the transport below, which records what it was sent.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import type { ReportInput } from '../cases/types';
import { QueueStore, type QueuedReport } from './queue-store';
import { classifyFailure, describeWithTakenAt, syncAll, syncReport, type OutboxTransport } from './sync';

let store: QueueStore;
let dbCount = 0;

beforeEach(() => {
  store = new QueueStore(`outbox-test-${++dbCount}`);
});
afterEach(() => store.close());

const networkDown = () => new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试');

/** A server that files each clientRef once, like the real one, and can be told to fail. */
function fakeServer() {
  const server = {
    uploads: [] as string[],
    reports: [] as ReportInput[],
    cases: new Map<string, { id: number; caseNo: string }>(),
    failPhoto: null as (() => Error) | null,
    failReport: null as (() => Error) | null,
    /** The case is filed but the answer never reaches the phone. */
    loseAnswer: false,
    transport: null as unknown as OutboxTransport,
  };
  server.transport = {
    async uploadPhoto(blob, name) {
      if (server.failPhoto) throw server.failPhoto();
      server.uploads.push(`${name}:${await blob.text()}`);
      return 100 + server.uploads.length;
    },
    async report(body) {
      if (server.failReport) throw server.failReport();
      server.reports.push(body);
      let c = server.cases.get(body.clientRef!);
      if (!c)
        server.cases.set(body.clientRef!, (c = { id: server.cases.size + 1, caseNo: `GS${server.cases.size + 1}` }));
      if (server.loseAnswer) throw networkDown();
      return c;
    },
  };
  return server;
}

function queued(overrides: Partial<QueuedReport> = {}): QueuedReport {
  return {
    clientRef: crypto.randomUUID(),
    userId: 7,
    input: { title: '井盖缺失', description: '5 号楼北侧井盖缺失', lng: 120.1, lat: 30.2 },
    photos: [{ blob: new Blob(['jpeg-bytes'], { type: 'image/jpeg' }), name: 'a.jpg' }],
    takenAt: '2026-12-07T01:12:00Z',
    queuedAt: new Date().toISOString(),
    state: 'pending',
    ...overrides,
  };
}

describe('syncReport', () => {
  it('uploads the photos, sends the report with its clientRef and taken-at time, and marks it 已同步', async () => {
    const server = fakeServer();
    const r = queued();
    await store.put(r);
    const after = await syncReport(store, r.clientRef, server.transport);
    expect(after).toMatchObject({ state: 'synced', caseId: 1, caseNo: 'GS1' });
    expect(server.uploads).toEqual(['a.jpg:jpeg-bytes']);
    expect(server.reports[0]).toMatchObject({ clientRef: r.clientRef, photoIds: [101], lng: 120.1, lat: 30.2 });
    expect(server.reports[0]!.description).toBe('5 号楼北侧井盖缺失\n（现场记录于 2026-12-07 09:12）');
    // The server keeps the photo now: the phone frees the space.
    expect((await store.get(r.clientRef))!.photos).toEqual([{ blob: null, name: 'a.jpg', uploadedId: 101 }]);
  });

  it('keeps a report 待同步 without network, and the retry neither uploads the photo again nor files twice', async () => {
    const server = fakeServer();
    const r = queued();
    await store.put(r);
    server.failPhoto = networkDown;
    expect(await syncReport(store, r.clientRef, server.transport)).toMatchObject({
      state: 'pending',
      error: '网络连接失败，请检查网络后重试',
    });
    server.failPhoto = null;
    server.loseAnswer = true; // filed, but the answer is lost on the way back
    expect((await syncReport(store, r.clientRef, server.transport))!.state).toBe('pending');
    server.loseAnswer = false;
    expect(await syncReport(store, r.clientRef, server.transport)).toMatchObject({ state: 'synced', caseId: 1 });
    expect(server.uploads).toHaveLength(1);
    expect(server.reports.map((b) => b.clientRef)).toEqual([r.clientRef, r.clientRef]);
    expect(server.cases.size).toBe(1);
  });

  it("marks a refused report 失败 with the server's reason and does not send it again by itself", async () => {
    const server = fakeServer();
    const r = queued();
    await store.put(r);
    server.failReport = () =>
      new ApiError(422, 'VALIDATION_FAILED', 'lng: 该位置不在任何网格内', [
        { path: 'lng', message: '该位置不在任何网格内，请重新选点或只填写地址' },
      ]);
    expect(await syncReport(store, r.clientRef, server.transport)).toMatchObject({
      state: 'failed',
      error: '该位置不在任何网格内，请重新选点或只填写地址',
    });
    server.failReport = null;
    await syncAll(store, 7, server.transport);
    expect((await store.get(r.clientRef))!.state).toBe('failed');
    // The manual button tries 失败 ones again (after the worker fixed the pin, say).
    await syncAll(store, 7, server.transport, { includeFailed: true });
    expect((await store.get(r.clientRef))!.state).toBe('synced');
  });
});

describe('syncAll', () => {
  it("sends only the account's own reports, oldest first, and stops when the network is gone", async () => {
    const server = fakeServer();
    const older = queued({ queuedAt: '2026-12-07T01:00:00Z' });
    const newer = queued({ queuedAt: '2026-12-07T02:00:00Z', photos: [] });
    const someoneElse = queued({ userId: 8 });
    for (const r of [newer, someoneElse, older]) await store.put(r);
    server.failReport = networkDown;
    await syncAll(store, 7, server.transport);
    expect(server.uploads).toEqual(['a.jpg:jpeg-bytes']); // only the first was tried
    expect((await store.get(newer.clientRef))!.error).toBeUndefined();
    server.failReport = null;
    await syncAll(store, 7, server.transport);
    expect(server.reports.map((b) => b.clientRef)).toEqual([older.clientRef, newer.clientRef]);
    expect((await store.get(someoneElse.clientRef))!.state).toBe('pending');
    expect((await store.list(7)).map((r) => r.state)).toEqual(['synced', 'synced']);
  });

  it('lets a report left 同步中 by a closed page be sent again', async () => {
    const server = fakeServer();
    const r = queued({ state: 'syncing' });
    await store.put(r);
    await syncAll(store, 7, server.transport);
    expect(server.reports).toHaveLength(0);
    await store.resetInterrupted(7);
    await syncAll(store, 7, server.transport);
    expect((await store.get(r.clientRef))!.state).toBe('synced');
  });

  it('tells listeners about every change, for the header badge', async () => {
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    await store.put(queued());
    stop();
    await store.put(queued());
    expect(calls).toBe(1);
  });
});

describe('classifyFailure', () => {
  it('waits on lost sessions and busy servers, gives up on other refusals', () => {
    expect(classifyFailure(new ApiError(401, 'UNAUTHENTICATED', 'x')).state).toBe('pending');
    expect(classifyFailure(new ApiError(503, 'HTTP_503', 'x')).state).toBe('pending');
    expect(classifyFailure(new ApiError(429, 'RATE_LIMITED', 'x')).state).toBe('pending');
    expect(classifyFailure(new ApiError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 8 MB'))).toEqual({
      state: 'failed',
      error: '照片不能超过 8 MB',
    });
    expect(classifyFailure(new TypeError('Failed to fetch')).state).toBe('pending');
  });

  it('cuts a long description so the note on the taken-at time still fits the 4000 characters', () => {
    const text = describeWithTakenAt('长'.repeat(4000), '2026-12-07T01:12:00Z');
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text.endsWith('（现场记录于 2026-12-07 09:12）')).toBe(true);
  });
});
