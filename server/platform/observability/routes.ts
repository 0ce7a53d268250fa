import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/open.ts';
import { createMetrics } from './metrics.ts';
import { pendingMigrationSets } from './migrations-current.ts';

/**
 * Probes for a load balancer or orchestrator, outside /api so they need no session:
 * /healthz = the process answers; /readyz = the database answers, every committed migration is
 * applied and the instance has finished warming up (503 otherwise, with the reason); /metrics =
 * Prometheus text format.
 */
export function registerObservability(
  app: FastifyInstance,
  db: Db,
  options: {
    metricsToken: string | null;
    sseClients?: () => number;
    draining?: () => boolean;
    /** Why the instance should not take traffic yet (e.g. a model still training), or null once warm. */
    warmingUp?: () => string | null;
  },
): void {
  const extra = { sseClients: options.sseClients };
  const metrics = createMetrics(db, extra);
  metrics.register(app);
  const probe = { config: { public: true }, schema: { hide: true } };

  app.get('/healthz', probe, async () => ({ status: 'ok' }));

  app.get('/readyz', probe, async (_request, reply) => {
    if (options.draining?.())
      return reply.status(503).send({ status: 'not_ready', reason: '实例正在停止（SIGTERM），请改用其他实例' });
    const warming = options.warmingUp?.();
    if (warming) return reply.status(503).send({ status: 'not_ready', reason: warming });
    try {
      await db.$client.query('select 1');
      const pending = await pendingMigrationSets(db);
      if (pending.length)
        return reply.status(503).send({ status: 'not_ready', reason: `数据库迁移未完成：${pending.join(', ')}` });
      return { status: 'ready' };
    } catch (error) {
      return reply.status(503).send({ status: 'not_ready', reason: `数据库不可用：${(error as Error).message}` });
    }
  });

  app.get('/metrics', probe, async (request, reply) => {
    if (options.metricsToken && request.headers.authorization !== `Bearer ${options.metricsToken}`) {
      return reply.status(401).send({ status: 'unauthorized', reason: '需要 GH_METRICS_TOKEN' });
    }
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
