import type { ReportInput } from '../cases/types';
import type { QueueStore, QueuedReport } from './queue-store';
import { syncReport, type OutboxTransport } from './sync';

/**
 * A v4 UUID for the report. crypto.randomUUID exists only in secure contexts (HTTPS, localhost);
 * getRandomValues everywhere, and a district intranet may serve plain HTTP.
 */
export function newClientRef(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type PatrolOutcome = { queued: true } | { queued: false; caseId: number; caseNo: string };

/**
 * 巡查上报: the report goes into the queue first, so nothing typed on site is lost whatever the
 * network does. Online it is sent at once: filed → the case; no network (or a lost answer) → it
 * stays 待同步 and goes out later. A refusal (422…) comes back to the form the worker is still
 * looking at, with the server's error, and the report leaves the queue again.
 */
export async function submitPatrol(
  store: QueueStore,
  transport: OutboxTransport,
  args: { userId: number; input: ReportInput; photos: File[]; online: boolean },
): Promise<PatrolOutcome> {
  const now = new Date().toISOString();
  const { photoIds: _ignored, clientRef: _none, ...input } = args.input;
  const report: QueuedReport = {
    clientRef: newClientRef(),
    userId: args.userId,
    input,
    photos: args.photos.map((f) => ({ blob: f, name: f.name || 'photo.jpg' })),
    takenAt: now,
    queuedAt: now,
    state: 'pending',
  };
  await store.put(report);
  if (!args.online) return { queued: true };
  let refusal: unknown;
  const keepError = <T>(p: Promise<T>) =>
    p.catch((err: unknown) => {
      refusal = err;
      throw err;
    });
  const after = await syncReport(store, report.clientRef, {
    uploadPhoto: (blob, name) => keepError(transport.uploadPhoto(blob, name)),
    report: (body) => keepError(transport.report(body)),
  });
  if (after?.state === 'synced') {
    // Filed while the worker watched: the case page shows it, the queue need not.
    await store.remove(report.clientRef);
    return { queued: false, caseId: after.caseId!, caseNo: after.caseNo! };
  }
  if (after?.state === 'failed') {
    await store.remove(report.clientRef);
    throw refusal;
  }
  return { queued: true };
}
