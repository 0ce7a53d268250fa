import type { FastifyInstance } from 'fastify';
import type { LiveHub } from '../live/hub.ts';

export interface DrainTargets {
  app: FastifyInstance;
  liveHub: Pick<LiveHub, 'drain'>;
  /** The job worker: stop() resolves when the job in hand has finished. */
  worker: { stop(): Promise<void> };
}

export interface DrainResult {
  /** Everything finished before the deadline. */
  clean: boolean;
  /** Event streams told to reconnect elsewhere. */
  streams: number;
  /** What was still running at the deadline (empty when clean). */
  unfinished: string[];
}

/**
 * Graceful stop (SIGTERM): stop accepting connections (the load balancer's health check fails and
 * its retries go to another instance), serve the requests already accepted — including ones that
 * arrive meanwhile on connections opened before (answered with `Connection: close`) — let the job
 * in hand finish, and tell every event stream to reconnect, which brings the browser back through
 * the load balancer to another instance, resuming from its last cursor. Resolves when all of that
 * is done or `timeoutMs` has passed.
 */
export async function drain(targets: DrainTargets, timeoutMs: number): Promise<DrainResult> {
  const pending = new Map<string, Promise<unknown>>();
  const closing = targets.app.close();
  pending.set('HTTP 请求', closing);
  pending.set('后台任务', targets.worker.stop());
  const streams = targets.liveHub.drain();
  // Node reaps idle kept-alive sockets once, when closing starts; a connection whose response ends
  // later would sit idle until its keep-alive timeout and hold the close open. Reap them as they go idle.
  const reaper = setInterval(() => targets.app.server.closeIdleConnections(), 100);
  const finished = new Set<string>();
  for (const [name, p] of pending)
    void p.then(
      () => finished.add(name),
      () => finished.add(name),
    );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([Promise.allSettled(pending.values()).then(() => 'done' as const), deadline]);
  clearTimeout(timer);
  clearInterval(reaper);
  const unfinished = outcome === 'done' ? [] : [...pending.keys()].filter((name) => !finished.has(name));
  return { clean: unfinished.length === 0, streams, unfinished };
}
