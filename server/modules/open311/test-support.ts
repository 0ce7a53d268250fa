import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { Session } from '../../test/test-app.ts';

export type Form = Record<string, string | string[]>;

/** URL-encodes a GeoReport form; list values become repeated fields (attribute[code][]). */
export function encodeForm(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) params.append(k, one);
  return params.toString();
}

export function postRequest(app: FastifyInstance, format: 'xml' | 'json', form: Form) {
  return app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: encodeForm(form),
  });
}

/** Issues a key through the admin API and returns the secret. */
export async function issueKey(
  app: FastifyInstance,
  s: Session,
  body: { clientName: string; communityId: number; ratePerMinute?: number },
) {
  const res = await app.inject({ method: 'POST', url: '/api/open311/keys', headers: s.headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { data: { id: number }; key: string };
}

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'request_update', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

/** Parses an XML answer after checking the declaration and content type the spec requires. */
export function parseXml(res: { headers: Record<string, unknown>; body: string }): Record<string, any> {
  expect(String(res.headers['content-type'])).toBe('text/xml');
  expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parser.parse(res.body);
}
