import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/open.ts';

/**
 * Prometheus metrics (prom-client): request latency by route pattern (never by raw URL, so ids do
 * not explode the series), the job queue's depth and oldest due job, and the database pool. Queue
 * figures are read from PostgreSQL at scrape time: every instance reports the shared queue.
 */
export function createMetrics(db: Db, extra: { sseClients?: () => number } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gridhive_process_' });
  const requestSeconds = new Histogram({
    name: 'gridhive_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const requestErrors = new Counter({
    name: 'gridhive_http_server_errors_total',
    help: 'Responses with status 5xx',
    labelNames: ['route'],
    registers: [registry],
  });
  new Gauge({
    name: 'gridhive_jobs_queued',
    help: 'Jobs waiting or running, by kind and state',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const { rows } = await db.$client.query<{ kind: string; state: string; n: number }>(
        `select kind, state, count(*)::int as n from jobs where state in ('queued', 'running') group by kind, state`,
      );
      for (const r of rows) this.set({ kind: r.kind, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'gridhive_jobs_oldest_due_seconds',
    help: 'Age of the oldest queued job that is due (0 when none)',
    registers: [registry],
    async collect() {
      const { rows } = await db.$client.query<{ age: number | null }>(
        `select extract(epoch from now() - min(run_at))::float8 as age from jobs where state = 'queued' and run_at <= now()`,
      );
      this.set(Math.max(0, Number(rows[0]?.age ?? 0)));
    },
  });
  new Gauge({
    name: 'gridhive_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = db.$client;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  if (extra.sseClients) {
    const read = extra.sseClients;
    new Gauge({
      name: 'gridhive_sse_clients',
      help: 'Open server-sent-event streams on this instance',
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }

  return {
    registry,
    register(app: FastifyInstance): void {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched';
        const labels = { method: request.method, route, status: String(reply.statusCode) };
        requestSeconds.observe(labels, reply.elapsedTime / 1000);
        if (reply.statusCode >= 500) requestErrors.inc({ route });
      });
    },
  };
}
