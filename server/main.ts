import { readConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { buildApp } from './app.ts';
import { createDeps } from './deps.ts';
import { ensurePeriodicJob } from './platform/jobs/queue.ts';
import { jobHandlers, MODULES, PLATFORM_PERIODIC, startJobWorkers } from './modules/index.ts';
import { seedDemoIfEmpty } from './seed/index.ts';
import { printDemoAccounts } from './seed/print-accounts.ts';
import { announceSetup } from './modules/setup/index.ts';
import { readDeviceIntakeConfig, startAlarmIntake } from './modules/devices/index.ts';
import { drain } from './platform/lifecycle/drain.ts';
import { createReadRouting, primaryOnly } from './platform/db/read-replica.ts';
import { relinkImportFile } from './modules/people/index.ts';
import { fileStore } from './platform/files/index.ts';
import { migrateLegacyUploads } from './platform/files/migrate-uploads.ts';
import { sweepIncompleteFiles } from './platform/files/store.ts';
import { warmSuggestionModels } from './modules/cases/index.ts';

const config = readConfig();
const started = Date.now();
const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
console.log(
  `数据库就绪（${database.kind === 'embedded' ? `嵌入式 PGlite，目录 ${config.dataDir}` : 'PostgreSQL'}），迁移已应用`,
);
// Files earlier versions kept under DATA_DIR/uploads move into the shared store (idempotent).
await migrateLegacyUploads(fileStore({ config, db: database.db }), config.dataDir, [
  (file, key) => relinkImportFile(database.db, file, key),
]);
await sweepIncompleteFiles(database.db);

if (config.seedDemo) {
  const seeded = await seedDemoIfEmpty(database.db, {
    password: config.demoPassword,
    casesPerStreet: (i) => (i === 0 ? 2000 : 500),
    residentsDataKey: config.dataKey,
    communityLife: true,
  });
  if (seeded) {
    console.log(
      `已生成演示数据：${seeded.tree.district.name}，${seeded.tree.streets.length} 个街道，${seeded.nodes} 个治理节点`,
    );
    printDemoAccounts(seeded.accounts, config.demoPassword);
  } else {
    await printDemoAccounts.fromDatabase(database.db, config.demoPassword);
  }
}

// The replica (DATABASE_READ_URL) serves the heavy reads; without it everything reads the primary.
const reads = config.databaseReadUrl
  ? createReadRouting(database.db, config.databaseReadUrl)
  : primaryOnly(database.db);
if (config.databaseReadUrl) console.log('只读副本已配置（DATABASE_READ_URL）：大屏、指标、一张图与导出从副本读取');
const deps = createDeps(config, database.db, reads);
// Out of the balancer's rotation (/readyz 503) until this process has trained its suggestion model.
let warmingUp: string | null = '正在预训练分类建议模型，稍后就绪';
const app = await buildApp(deps, {
  logger: process.env.LOG_LEVEL !== undefined,
  draining: () => stopping,
  warmingUp: () => warmingUp,
});
for (const p of [...PLATFORM_PERIODIC, ...MODULES.flatMap((m) => m.periodic ?? [])])
  await ensurePeriodicJob(database.db, p.kind, p.everySeconds);
const worker = startJobWorkers(database.db, jobHandlers(deps), (e) => console.error('后台任务出错：', e));
const deviceIntakeConfig = readDeviceIntakeConfig();
const alarmIntake = deviceIntakeConfig.url ? startAlarmIntake(deps, deviceIntakeConfig) : null;
alarmIntake?.ready.then(
  () => console.log(`设备告警接入已连接 ${deviceIntakeConfig.url}`),
  (e: Error) => console.error(`设备告警接入连接失败：${e.message}`),
);
await app.listen({ port: config.port, host: config.host });
const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
console.log(
  `蜂巢 GridHive 已启动：http://${shownHost}:${config.port} （API 文档 /api/docs，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
);
await announceSetup(database.db, `http://${shownHost}:${config.port}`);
void warmSuggestionModels(database.db).finally(() => {
  warmingUp = null;
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`收到 ${signal}，停止接收新连接，等待进行中的请求与后台任务完成…`);
  // Alarms not yet acknowledged are redelivered by the broker to another instance.
  await alarmIntake?.stop().catch(() => undefined);
  const result = await drain({ app, liveHub: deps.liveHub, worker }, config.shutdownSeconds * 1000);
  if (result.clean) {
    console.log(`已停止：进行中的请求与后台任务均已完成，${result.streams} 个实时连接已通知改连其他实例`);
  } else {
    console.error(
      `${config.shutdownSeconds} 秒内未能完成：${result.unfinished.join('、')}，强制退出（未完成的后台任务将由其他实例在租约到期后接手）`,
    );
  }
  await reads.close().catch(() => undefined);
  await database.close().catch((error: unknown) => console.error('关闭数据库连接出错：', error));
  process.exit(result.clean ? 0 : 1);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
