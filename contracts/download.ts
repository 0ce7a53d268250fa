import { z } from 'zod';

/**
 * The success status of a route that answers with a file (.xlsx/.csv, streamed) or an event stream, not JSON.
 * Fastify sends streams, buffers and non-JSON strings as they are (the serializer is skipped), so this schema
 * only documents the status in the census and the OpenAPI page.
 */
export const fileDownload = (what: string) => z.any().describe(what);
