/**
 * A stand-alone import worker: `node --import tsx server/modules/people/import/worker-cli.ts
 * <databaseUrl> [batchRows]` runs due base-data imports and exits. The kill test SIGKILLs it
 * mid-import; operators may run it beside the server for very large files.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../../db/schema.ts';
import { readConfig } from '../../../platform/config.ts';
import { pg } from '../../../platform/db/pg-types.ts';
import { createDeps } from '../../../deps.ts';
import { runDueJobs } from '../../../platform/jobs/queue.ts';
import { importJobs } from './run-import.ts';
// Load every module as the server does (the stat-provider registry and whatever else modules set up when
// imported); without it this worker ran the import differently from the server and the kill test failed.
import '../../index.ts';

const [url, batchRows] = process.argv.slice(2);
if (!url) throw new Error('用法：worker-cli.ts <数据库连接串> [每批行数]');
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db = drizzle(pool, { schema });
const deps = createDeps(readConfig(), db);
const done = await runDueJobs(db, importJobs(deps, { batchRows: batchRows ? Number(batchRows) : undefined }));
console.log(`已处理 ${done} 个导入任务`);
deps.liveHub.close();
await pool.end();
