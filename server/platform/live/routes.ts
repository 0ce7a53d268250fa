import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { fileDownload } from '../../../contracts/download.ts';
import { requireActor } from '../auth/plugin.ts';
import type { Db } from '../db/open.ts';
import { parseCursor } from './cursor.ts';
import type { LiveHub } from './hub.ts';
import { openLiveStream } from './stream.ts';

const KEEP_ALIVE_MS = 15_000;

/**
 * Ends a stream on shutdown and closes its connection too: it was opened as keep-alive before the
 * drain began, and an idle kept-alive socket would hold the closing server open for its timeout.
 */
function endForGood(res: ServerResponse): void {
  if (res.writableEnded) return;
  res.end(() => res.socket?.end());
}

/**
 * GET /api/events: server-sent events for the signed-in user (new cases, state changes, alerts).
 * Every event's `id:` is its outbox cursor; a browser reconnecting sends it back as Last-Event-ID
 * (EventSource does so itself; `?lastEventId=` serves a page that had to open a new EventSource)
 * and gets what it missed, or a 'reset' event when it was gone too long. 'status' events say
 * whether the server can read events right now ({ degraded }).
 */
export function registerLiveRoutes(app: FastifyInstance, hub: LiveHub, db: Db): void {
  app.get(
    '/api/events',
    {
      // The own event stream: a session is all it takes (accounts.self); stream.ts sends each event only to
      // the actors it concerns.
      config: { permission: 'accounts.self' },
      schema: {
        tags: ['live'],
        summary: '实时事件（SSE）',
        response: { 200: fileDownload('text/event-stream（服务器推送事件，不是 JSON）') },
      },
    },
    (request, reply) => {
      const actor = requireActor(request);
      const header = request.headers['last-event-id'];
      const query = (request.query as { lastEventId?: string } | undefined)?.lastEventId;
      const resumeFrom = parseCursor((Array.isArray(header) ? header[0] : header) ?? query);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const stream = openLiveStream({
        hub,
        db,
        actor,
        resumeFrom,
        write: (frame) => {
          if (!res.writableEnded) res.write(frame);
        },
        end: () => endForGood(res),
      });
      const keepAlive = setInterval(() => stream.keepAlive(), KEEP_ALIVE_MS);
      const done = () => {
        clearInterval(keepAlive);
        stream.unsubscribe();
      };
      request.raw.on('close', done);
      res.on('close', done);
    },
  );
}
