import { readConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';
import { ensurePeriodicJob, startWorker } from './platform/jobs/queue.ts';
import { jobHandlers, MODULES, PLATFORM_PERIODIC } from './modules/index.ts';
import { seedDemoIfEmpty } from './seed/index.ts';
import { printDemoAccounts } from './seed/print-accounts.ts';
import { announceSetup } from './modules/setup/index.ts';

const config = readConfig();
const started = Date.now();
const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
console.log(`数据库就绪（${database.kind === 'embedded' ? `嵌入式 PGlite，目录 ${config.dataDir}` : 'PostgreSQL'}），迁移已应用`);

if (config.seedDemo) {
  const seeded = await seedDemoIfEmpty(database.db, { password: config.demoPassword, casesPerStreet: (i) => (i === 0 ? 2000 : 500), residentsDataKey: config.dataKey, communityLife: true });
  if (seeded) {
    console.log(`已生成演示数据：${seeded.tree.district.name}，${seeded.tree.streets.length} 个街道，${seeded.nodes} 个治理节点`);
    printDemoAccounts(seeded.accounts, config.demoPassword);
  } else {
    await printDemoAccounts.fromDatabase(database.db, config.demoPassword);
  }
}

const deps = createDeps(config, database.db);
const app = await buildApp(deps, { logger: process.env.LOG_LEVEL !== undefined });
for (const p of [...PLATFORM_PERIODIC, ...MODULES.flatMap((m) => m.periodic ?? [])]) await ensurePeriodicJob(database.db, p.kind, p.everySeconds);
const worker = startWorker(database.db, jobHandlers(deps), { onError: (e) => console.error('后台任务出错：', e) });
await app.listen({ port: config.port, host: config.host });
const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
console.log(`蜂巢 GridHive 已启动：http://${shownHost}:${config.port} （API 文档 /api/docs，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
await announceSetup(database.db, `http://${shownHost}:${config.port}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`收到 ${signal}，正在停止…`);
  worker.stop();
  deps.liveHub.close();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
