import type { FastifyInstance } from 'fastify';
import { requireActor } from '../auth/plugin.ts';
import type { LiveHub } from './hub.ts';

/** GET /api/events: server-sent events for the signed-in user (new cases, state changes, alerts). */
export function registerLiveRoutes(app: FastifyInstance, hub: LiveHub): void {
  app.get('/api/events', { schema: { tags: ['live'], summary: '实时事件（SSE）' } }, (request, reply) => {
    const actor = requireActor(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unsubscribe = hub.subscribe({
      actor,
      send(event) { res.write(`id: ${event.id}\nevent: ${event.topic}\ndata: ${JSON.stringify({ ...event.payload, topic: event.topic, at: event.at })}\n\n`); },
    });
    // Proxies drop idle connections; a comment every 25 s keeps the stream open.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => { clearInterval(keepAlive); unsubscribe(); });
  });
}
