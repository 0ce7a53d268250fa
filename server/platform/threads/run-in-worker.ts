import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Runs one job on a worker thread and resolves with its answer: CPU-heavy work (training a model)
 * that would otherwise hold the event loop and delay every request in between. The entry module
 * receives the job as its first message and answers with `{ ok: true, value }` or
 * `{ ok: false, error }` (see `serveOneJob`). One thread per job: jobs are rare and seconds long,
 * so a thread's start (tens of ms) is noise and nothing idles in memory between them.
 */
export function runInWorker<T>(entry: URL, job: unknown): Promise<T> {
  // Compiled (`npm run build`): the entry is .js and loads as is; from sources tsx loads it.
  const worker = entry.pathname.endsWith('.js')
    ? new Worker(entry)
    : new Worker(new URL('./ts-bootstrap.mjs', import.meta.url), { workerData: { entry: entry.href } });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (reply: { ok: true; value: T } | { ok: false; error: string }) =>
      settle(() => (reply.ok ? resolve(reply.value) : reject(new Error(reply.error)))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`工作线程未作答即退出（代码 ${code}）`))));
    worker.postMessage(job);
  });
}

/** The worker side: answers the first message with `work`'s result (or its error message). */
export async function serveOneJob<J, T>(
  port: {
    once(event: 'message', fn: (job: J) => void): unknown;
    postMessage(value: unknown, transfer?: readonly ArrayBuffer[]): void;
  },
  work: (job: J) => Promise<{ value: T; transfer?: ArrayBuffer[] }>,
): Promise<void> {
  const job = await new Promise<J>((resolve) => port.once('message', resolve));
  try {
    const { value, transfer } = await work(job);
    port.postMessage({ ok: true, value }, transfer);
  } catch (error) {
    port.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** A worker entry beside `base` (an import.meta.url): its .ts source, or its .js once compiled. */
export function siblingEntry(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.js') ? '.js' : '.ts'}`, base);
}

/**
 * Gives the calling worker thread the lowest CPU priority (nice 19), so background work takes only
 * what requests and the database leave: on a 2-core machine a training thread at normal priority
 * slowed every request while it ran. Linux applies setpriority() to one thread when given its
 * thread id (from /proc/thread-self); elsewhere the thread keeps the process's priority.
 */
export function lowerThisThreadPriority(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid !== process.pid) os.setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: run at the process's priority.
  }
}
