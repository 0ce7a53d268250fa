import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReportInput } from '../cases/types';

/**
 * 待同步: patrol reports kept on the phone until the server has them. IndexedDB (through `idb`)
 * rather than localStorage because a report carries its photos as Blobs, and a worker may file
 * a morning's patrol of several reports with photos before getting signal again.
 */

/** 待同步 → 同步中 → 已同步; 失败 when the server refused it (the worker fixes or discards it). */
export type QueueState = 'pending' | 'syncing' | 'failed' | 'synced';

export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  pending: '待同步',
  syncing: '同步中',
  failed: '失败',
  synced: '已同步',
};

export interface QueuedPhoto {
  /** Dropped once the report is synced: the server keeps the photo from then on. */
  blob: Blob | null;
  name: string;
  /** Set once uploaded, so a retry after a lost report does not upload the photo again. */
  uploadedId?: number;
}

/** What the report form filled in; photo ids and the client reference are added when sending. */
export type QueuedInput = Omit<ReportInput, 'photoIds' | 'clientRef'>;

export interface QueuedReport {
  /** UUID made on the phone; the server files at most one case per (account, clientRef). */
  clientRef: string;
  /** Whose report it is: a shared phone shows and sends each account only its own. */
  userId: number;
  input: QueuedInput;
  photos: QueuedPhoto[];
  /** When the worker recorded it on site (ISO); sent inside the description. */
  takenAt: string;
  queuedAt: string;
  state: QueueState;
  /** Why the last attempt did not go through, in the worker's words (the server's message on 失败). */
  error?: string;
  caseId?: number;
  caseNo?: string;
}

interface OutboxSchema extends DBSchema {
  reports: { key: string; value: QueuedReport; indexes: { byUser: number } };
}

export const OUTBOX_DB = 'gridhive-outbox';

/** The queue's storage; tests open their own (fake-indexeddb) under another name. */
export class QueueStore {
  private db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly name = OUTBOX_DB) {}

  private open(): Promise<IDBPDatabase<OutboxSchema>> {
    this.db ??= openDB<OutboxSchema>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'clientRef' }).createIndex('byUser', 'userId');
      },
    });
    return this.db;
  }

  /** One account's reports, oldest first (the order they are sent in). */
  async list(userId: number): Promise<QueuedReport[]> {
    const rows = await (await this.open()).getAllFromIndex('reports', 'byUser', userId);
    return rows.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  async get(clientRef: string): Promise<QueuedReport | undefined> {
    return (await this.open()).get('reports', clientRef);
  }

  async put(report: QueuedReport): Promise<void> {
    await (await this.open()).put('reports', report);
    this.changed();
  }

  async remove(clientRef: string): Promise<void> {
    await (await this.open()).delete('reports', clientRef);
    this.changed();
  }

  /** A page closed while sending leaves 同步中 behind: such reports are waiting again. */
  async resetInterrupted(userId: number): Promise<void> {
    for (const r of await this.list(userId)) if (r.state === 'syncing') await this.put({ ...r, state: 'pending' });
  }

  /** 已同步 reports stay listed a while (the worker sees they went through), then go. */
  async pruneSynced(userId: number, olderThanMs: number, now = Date.now()): Promise<void> {
    for (const r of await this.list(userId))
      if (r.state === 'synced' && now - Date.parse(r.queuedAt) > olderThanMs) await this.remove(r.clientRef);
  }

  /** Called after every write, so the header badge and the list follow without polling. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The app's one queue. */
export const outbox = new QueueStore();
