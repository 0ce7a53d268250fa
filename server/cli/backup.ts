import { BackupRefused } from '../platform/backup/format.ts';
import { restoreBackup } from '../platform/backup/restore-backup.ts';
import { writeBackup } from '../platform/backup/write-backup.ts';
import type { CliCommand } from './command.ts';

const progress = (line: string) => console.error(line);

/** `backup FILE`: one consistent snapshot of the database and the file store, while the server runs. */
export const backupCommand: CliCommand = {
  usage: 'FILE（在服务运行中备份整个数据库与共享文件存储到 FILE，gzip 格式，含清单与校验和）',
  async run({ config, db, kind }, args) {
    const file = args[0];
    if (!file || file.startsWith('--')) {
      console.error('用法：npm run cli -- backup <备份文件>');
      return 2;
    }
    const summary = await writeBackup(db, {
      file,
      dataKey: config.dataKey,
      database: kind ?? 'postgres',
      s3: config.s3,
      progress,
    });
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(
      `备份完成：${summary.file}（${(summary.bytes / 1024 / 1024).toFixed(1)} MB，${Object.keys(summary.tables).length} 张表 ${rows} 行，用时 ${summary.seconds.toFixed(1)} 秒）`,
    );
    return 0;
  },
};

/** `restore FILE [--replace]`: refuses a damaged, foreign or other-key file before touching data. */
export const restoreCommand: CliCommand = {
  usage: 'FILE [--replace]（从备份恢复；目标库已有数据时须加 --replace 才会覆盖）',
  async run({ config, db }, args) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) {
      console.error('用法：npm run cli -- restore <备份文件> [--replace]');
      return 2;
    }
    try {
      const summary = await restoreBackup(db, {
        file,
        dataKey: config.dataKey,
        replace: args.includes('--replace'),
        s3: config.s3,
        progress,
      });
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `恢复完成：${Object.keys(summary.tables).length} 张表 ${rows} 行，用时 ${summary.seconds.toFixed(1)} 秒。请重启服务后用 npm run cli -- audit-verify 校验审计链`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupRefused) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
  },
};
