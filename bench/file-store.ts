// `npx tsx bench/file-store.ts [MB]`: streams one file of MB megabytes (default 200) into the shared
// file store and back out, on the database named by DATABASE_URL (required), and prints throughput
// and the process's peak resident memory, which should stay flat whatever the file size.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { openDatabase } from '../server/platform/db/open.ts';
import { pgFileStore } from '../server/platform/files/store.ts';

const mb = Number(process.argv[2] ?? 200);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('请设置 DATABASE_URL（基准在真实 PostgreSQL 上运行）');
const database = await openDatabase({ dataDir: '/tmp', databaseUrl: url, poolSize: 2 });
const store = pgFileStore(database.db);
let peak = process.memoryUsage().rss;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const block = crypto.randomBytes(1024 * 1024);
async function* source() {
  for (let i = 0; i < mb; i++) yield block;
}
const key = `bench/file-store-${Date.now()}.bin`;
const rssBefore = process.memoryUsage().rss;
let t = performance.now();
await store.put(key, Readable.from(source()));
const writeS = (performance.now() - t) / 1000;
t = performance.now();
let read = 0;
for await (const part of (await store.open(key)).stream) read += (part as Buffer).length;
const readS = (performance.now() - t) / 1000;
clearInterval(sample);
await store.delete(key);
console.log(
  `文件 ${mb} MB：写入 ${writeS.toFixed(1)} s（${(mb / writeS).toFixed(0)} MB/s），读出 ${readS.toFixed(1)} s（${(mb / readS).toFixed(0)} MB/s），读出字节 ${read === mb * 1024 * 1024 ? '一致' : '不一致'}`,
);
console.log(`常驻内存：开始 ${(rssBefore / 1048576).toFixed(0)} MB，峰值 ${(peak / 1048576).toFixed(0)} MB`);
await database.close();
