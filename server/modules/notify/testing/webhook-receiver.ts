import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook consumer as a subscriber would write one: checks X-GridHive-Signature over
 * timestamp + "." + raw body with its secret, answers 401 to a bad one, and counts deliveries by id.
 * `failFirst` makes it answer 500 to that many valid requests first; `delayMs` holds each answer.
 */
export async function startWebhookReceiver(options: { failFirst?: number; delayMs?: number } = {}) {
  let secret = '';
  let failuresLeft = options.failFirst ?? 0;
  const counts = new Map<string, number>();
  const bodies: unknown[] = [];
  let badSignatures = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const timestamp = String(req.headers['x-gridhive-timestamp'] ?? '');
      const given = Buffer.from(String(req.headers['x-gridhive-signature'] ?? ''));
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`,
      );
      const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
      if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        badSignatures++;
        res.writeHead(401).end();
        return;
      }
      setTimeout(() => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(500).end();
          return;
        }
        const id = String(req.headers['x-gridhive-delivery']);
        counts.set(id, (counts.get(id) ?? 0) + 1);
        bodies.push(JSON.parse(raw));
        res.writeHead(204).end();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    counts,
    bodies,
    get badSignatures() {
      return badSignatures;
    },
    setSecret(value: string) {
      secret = value;
    },
    failNext(n: number) {
      failuresLeft = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
