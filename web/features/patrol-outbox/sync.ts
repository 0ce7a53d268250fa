import { ApiError } from '../../shared/api';
import { formatTime } from '../../shared/time';
import type { ReportInput } from '../cases/types';
import type { QueuedReport, QueueStore } from './queue-store';

/** How the queue reaches the server: the cases API in the app, a fake server in unit tests. */
export interface OutboxTransport {
  uploadPhoto(blob: Blob, name: string): Promise<number>;
  report(body: ReportInput): Promise<{ id: number; caseNo: string }>;
}

const MAX_DESCRIPTION = 4000;

/**
 * The description as sent: the worker's text plus when it was recorded on site, since the case
 * is filed (reported_at) only when the phone has signal again and the contract has no field
 * for the time of the observation.
 */
export function describeWithTakenAt(description: string, takenAt: string): string {
  const note = `（现场记录于 ${formatTime(takenAt, 'YYYY-MM-DD HH:mm')}）`;
  return `${description.slice(0, MAX_DESCRIPTION - note.length - 1)}\n${note}`;
}

/**
 * What a failed attempt means for the report. No answer, a lost session, a busy or broken
 * server: try again later (待同步). Any other refusal (a pin outside every grid, a category
 * withdrawn, a photo that is not an image) will not change by retrying: 失败 with the server's
 * Chinese reason, until the worker edits or discards it.
 */
export function classifyFailure(err: unknown): { state: 'pending' | 'failed'; error: string } {
  if (!(err instanceof ApiError)) return { state: 'pending', error: '同步中断，稍后自动重试' };
  if (err.status === 0) return { state: 'pending', error: err.message };
  if (err.status === 401) return { state: 'pending', error: '登录已过期，重新登录后自动同步' };
  if (err.status === 408 || err.status === 429 || err.status >= 500)
    return { state: 'pending', error: `服务器暂时无法处理（${err.status}），稍后自动重试` };
  const reasons = err.details.map((d) => d.message).filter(Boolean);
  return { state: 'failed', error: reasons.length ? [...new Set(reasons)].join('；') : err.message };
}

/**
 * Sends one report: its photos first (each id kept as soon as it is known), then the report with
 * its clientRef, so a report whose answer was lost is sent again safely — the server returns the
 * case the first copy filed. Returns the report as stored afterwards.
 */
export async function syncReport(
  store: QueueStore,
  clientRef: string,
  transport: OutboxTransport,
): Promise<QueuedReport | undefined> {
  let report = await store.get(clientRef);
  if (!report || report.state === 'synced' || report.state === 'syncing') return report;
  report = { ...report, state: 'syncing', error: undefined };
  await store.put(report);
  try {
    const photos = [...report.photos];
    for (const [i, photo] of photos.entries()) {
      if (photo.uploadedId !== undefined || !photo.blob) continue;
      photos[i] = { ...photo, uploadedId: await transport.uploadPhoto(photo.blob, photo.name) };
      report = { ...report, photos: [...photos] };
      await store.put(report);
    }
    const created = await transport.report({
      ...report.input,
      description: describeWithTakenAt(report.input.description, report.takenAt),
      photoIds: photos.flatMap((p) => (p.uploadedId === undefined ? [] : [p.uploadedId])),
      clientRef: report.clientRef,
    });
    report = {
      ...report,
      state: 'synced',
      caseId: created.id,
      caseNo: created.caseNo,
      photos: photos.map((p) => ({ ...p, blob: null })),
    };
  } catch (err) {
    report = { ...report, ...classifyFailure(err) };
  }
  await store.put(report);
  return report;
}

let running: Promise<void> | null = null;

/**
 * Sends every 待同步 report of the account, oldest first; stops at the first one that finds no
 * network (the rest would fail the same way). `includeFailed` (the manual button) tries 失败
 * ones again too. Calls made while a run is going join that run.
 */
export function syncAll(
  store: QueueStore,
  userId: number,
  transport: OutboxTransport,
  options: { includeFailed?: boolean } = {},
): Promise<void> {
  running ??= (async () => {
    try {
      for (const r of await store.list(userId)) {
        if (r.state !== 'pending' && !(options.includeFailed && r.state === 'failed')) continue;
        const after = await syncReport(store, r.clientRef, transport);
        if (after?.state === 'pending') break;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
