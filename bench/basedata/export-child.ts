/**
 * Exports residents in a process of its own, so that its peak RSS is the export's and not the
 * generator's: `tsx bench/basedata/export-child.ts <databaseUrl> <xlsx|csv> <rows> <outFile>`.
 * Prints one JSON line: { ms, peakMb, baselineMb }.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import * as schema from '../../server/db/schema.ts';
import { pg } from '../../server/platform/db/pg-types.ts';
import { readConfig } from '../../server/platform/config.ts';
import { createPiiCodec } from '../../server/modules/people/pii.ts';
import { residentBatches, residentFilter } from '../../server/modules/people/queries/residents.ts';
import { residentColumns } from '../../server/modules/people/export/columns.ts';
import { tableStream } from '../../server/modules/people/export/table-stream.ts';
import { residents } from '../../server/modules/people/schema.ts';
import { ADMIN } from './run.ts';
import { rssSampler, timed } from './measure.ts';

const [url, format, rows, out] = process.argv.slice(2) as [string, 'xlsx' | 'csv', string, string];
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db = drizzle(pool, { schema });
const codec = createPiiCodec(readConfig().dataKey);
const where = sql`${await residentFilter(db, ADMIN, codec, {})} and ${residents.id} <= ${Number(rows)}`;
const baselineMb = process.memoryUsage().rss / 2 ** 20;
const rss = rssSampler();
const { ms } = await timed(() =>
  pipeline(
    tableStream(format, '实有人口', residentColumns(codec, false), residentBatches(db, where)),
    fs.createWriteStream(out),
  ),
);
console.log(JSON.stringify({ ms, peakMb: rss.stop(), baselineMb }));
await pool.end();
