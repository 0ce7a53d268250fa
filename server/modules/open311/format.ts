import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'xml' | 'json';

/**
 * A GeoReport error: the HTTP status (403 bad key, 404 unknown resource, 400 anything else)
 * and one or more `{ code, description }` entries, all reported at once.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly errors: { code: number; description: string }[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}

export const badRequest = (...descriptions: string[]) =>
  new Open311Error(
    400,
    descriptions.map((description) => ({ code: 400, description })),
  );
export const notFound = (description: string) => new Open311Error(404, [{ code: 404, description }]);

// Spark convention: XML elements map 1:1 to JSON keys; lists become JSON arrays and, in XML, a
// wrapper element whose children all carry the singular name given here.
const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

type Node = Record<string, unknown>;

/** `<root><item>…</item>…</root>` for a list, nested list fields wrapped the same way. */
function toXmlTree(value: unknown, listItemNames: Record<string, string>): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => toXmlTree(v, listItemNames));
  if (typeof value === 'object') {
    const out: Node = {};
    for (const [key, v] of Object.entries(value as Node)) {
      const item = listItemNames[key];
      out[key] =
        item && Array.isArray(v) ? { [item]: v.map((x) => toXmlTree(x, listItemNames)) } : toXmlTree(v, listItemNames);
    }
    return out;
  }
  return String(value);
}

export function renderXml(root: string, body: unknown, listItemNames: Record<string, string> = {}): string {
  const tree = Array.isArray(body)
    ? { [root]: { [listItemNames[root]!]: body.map((b) => toXmlTree(b, listItemNames)) } }
    : { [root]: toXmlTree(body, listItemNames) };
  // An empty list still needs its root element, which the builder would otherwise drop.
  const xml = Array.isArray(body) && body.length === 0 ? `<${root}></${root}>\n` : builder.build(tree);
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml}`;
}

/** Item element names of every list in GeoReport v2 (XML) — the JSON side is plain arrays. */
export const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export function send(reply: FastifyReply, format: Format, root: string, body: unknown, status = 200) {
  reply.status(status);
  // Exactly the media types GeoReport names (clients compare them as they are); both bodies are
  // UTF-8: JSON by definition (RFC 8259), XML by its declaration.
  const payload = format === 'json' ? JSON.stringify(body) : renderXml(root, body, LIST_ITEMS);
  return reply
    .header('content-type', format === 'json' ? 'application/json' : 'text/xml')
    .send(Buffer.from(payload, 'utf8'));
}

export function sendError(reply: FastifyReply, format: Format, error: Open311Error) {
  return send(reply, format, 'errors', error.errors, error.status);
}

/** W3C date-time in China Standard Time (UTC+8, no daylight saving): 2026-03-01T09:30:00+08:00. */
export function w3cDate(date: Date | null): string | null {
  if (!date) return null;
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a W3C date-time with its zone (required by the spec); null when malformed. */
export function parseW3cDate(raw: string): Date | null {
  if (!W3C_DATETIME.test(raw)) return null;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? null : date;
}
