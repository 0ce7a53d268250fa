import { z } from 'zod';

/**
 * A moment in time as clients must send it: ISO 8601 with a time-zone offset (`Z` or `+08:00`).
 * `z.coerce.date()` took null as 1970 and numbers as epoch milliseconds, and stored them.
 */
export const isoDateTime = (message = '时间须为带时区的 ISO 8601 格式，如 2026-03-01T09:00:00+08:00') =>
  z.iso.datetime({ offset: true, message }).transform((value) => new Date(value));

/**
 * A moment in a response: the server hands a Date (drizzle's timestamp) and the serializer sends ISO 8601;
 * the web's type (`z.input`) is the string it receives.
 */
export const sentDateTime = () =>
  z.codec(z.iso.datetime({ offset: true }), z.date(), {
    decode: (value) => new Date(value),
    encode: (date) => date.toISOString(),
  });
