import crypto from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { S3Settings } from '../config.ts';
import type { Db } from '../db/open.ts';
import { s3Bytes } from '../files/s3-bytes.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupRefused,
  type BackupHeader,
  type BackupTrailer,
  keyFingerprint,
  migrationState,
  publicTables,
} from './format.ts';

/** The lines of a backup file, decompressed; a damaged gzip stream ends in a refusal, not a crash. */
async function* lines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupRefused(`备份文件不存在：${file}`);
  const gunzip = zlib.createGunzip();
  const source = fs.createReadStream(file).pipe(gunzip);
  let failure: Error | null = null;
  gunzip.on('error', (e) => {
    failure = e;
  });
  try {
    for await (const line of readline.createInterface({ input: source, crlfDelay: Infinity })) yield line;
  } catch (error) {
    failure = error as Error;
  } finally {
    source.destroy();
  }
  if (failure) throw new BackupRefused(`备份文件已损坏或不是蜂巢备份（解压失败：${(failure as Error).message}）`);
}

/** JSON of one line; damage inside a still-decompressible stream shows up here. */
function parseLine<T>(body: string, lineNo: number): T {
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new BackupRefused(`备份文件第 ${lineNo} 行格式错误（文件已损坏），拒绝恢复`);
  }
}

export interface InspectedBackup {
  header: BackupHeader;
  trailer: BackupTrailer;
}

/**
 * Reads the whole file once without touching any database: the header must be ours, every line
 * well-formed, the row counts and the SHA-256 over all lines must match the trailer, and nothing
 * may follow it. A truncated, corrupted or foreign file is refused here.
 */
export async function inspectBackup(
  file: string,
  progress: (line: string) => void = () => {},
): Promise<InspectedBackup> {
  const hash = crypto.createHash('sha256');
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const counts: Record<string, number> = {};
  let table: string | null = null;
  let lineNo = 0;
  let objects = 0;
  let pendingBytes = 0;
  for await (const line of lines(file)) {
    lineNo++;
    if (trailer) throw new BackupRefused(`备份文件在结尾记录之后还有内容（第 ${lineNo} 行），拒绝恢复`);
    const tag = line.slice(0, 2);
    const body = line.slice(2);
    if (lineNo === 1) {
      try {
        header = JSON.parse(body) as BackupHeader;
      } catch {
        header = null;
      }
      if (tag !== 'H ' || header?.format !== BACKUP_FORMAT)
        throw new BackupRefused('这不是蜂巢备份文件（文件头不符），拒绝恢复');
      if (header.version !== BACKUP_VERSION)
        throw new BackupRefused(`备份格式版本 ${header.version} 不受支持（本程序支持版本 ${BACKUP_VERSION}）`);
    } else if (tag === 'Z ') {
      trailer = parseLine<BackupTrailer>(body, lineNo);
      continue;
    } else if (tag === 'T ') {
      table = parseLine<{ table: string }>(body, lineNo).table;
      counts[table] = 0;
    } else if (tag === 'R ' && table) {
      counts[table]!++;
      // Rows are parsed by the database at restore time; a cheap shape check catches most damage now.
      if (!body.startsWith('{') || !body.endsWith('}'))
        throw new BackupRefused(`备份文件第 ${lineNo} 行格式错误（文件已损坏），拒绝恢复`);
    } else if (tag === 'F ') {
      const object = parseLine<{ id: number; bytes: number }>(body, lineNo);
      if (pendingBytes !== 0) throw new BackupRefused(`备份文件中对象存储文件不完整（第 ${lineNo} 行之前），拒绝恢复`);
      pendingBytes = object.bytes;
      objects++;
    } else if (tag === 'B ') {
      pendingBytes -= Buffer.byteLength(body, 'base64');
    } else if (tag !== 'S ') {
      throw new BackupRefused(`备份文件第 ${lineNo} 行格式错误，拒绝恢复`);
    }
    hash.update(`${line}\n`);
    if (lineNo % 200_000 === 0) progress(`  已校验 ${lineNo} 行`);
  }
  if (!header) throw new BackupRefused('备份文件为空，拒绝恢复');
  if (!trailer) throw new BackupRefused('备份文件不完整（缺少结尾校验记录，可能被截断），拒绝恢复');
  if (trailer.sha256 !== hash.digest('hex'))
    throw new BackupRefused('备份文件校验和不符（内容已被改动或损坏），拒绝恢复');
  if (pendingBytes !== 0 || objects !== (trailer.objects ?? 0))
    throw new BackupRefused('备份文件中对象存储文件的数量或大小与结尾记录不符，拒绝恢复');
  for (const [name, rows] of Object.entries(trailer.tables)) {
    if (counts[name] !== rows) throw new BackupRefused(`备份文件中表 ${name} 的行数与结尾记录不符，拒绝恢复`);
  }
  return { header, trailer };
}

export interface RestoreSummary {
  tables: Record<string, number>;
  seconds: number;
}

/**
 * Restores a backup into this database. Refuses — before changing anything — a file that fails
 * inspection, a file made under another GH_DATA_KEY (its encrypted columns would be unreadable),
 * a file from another schema version, and a database that already holds data unless `replace`.
 * Then, in ONE transaction: every table emptied, every row inserted as it was (triggers — such as
 * the audit log's append-only guard — and foreign-key checks are off for this transaction only via
 * session_replication_role, so sealed audit rows come back exactly), sequences set. A failure
 * anywhere rolls the whole restore back.
 */
export async function restoreBackup(
  db: Db,
  options: {
    file: string;
    dataKey: string;
    replace?: boolean;
    s3?: S3Settings | null;
    progress?: (line: string) => void;
  },
): Promise<RestoreSummary> {
  const started = Date.now();
  const progress = options.progress ?? (() => {});
  progress('正在校验备份文件…');
  const { header, trailer } = await inspectBackup(options.file, progress);
  if (header.keyFingerprint !== keyFingerprint(options.dataKey)) {
    throw new BackupRefused(
      '备份所用的数据密钥（GH_DATA_KEY）与本安装不同：恢复后加密的个人信息将无法读取，拒绝恢复。请使用备份时的 GH_DATA_KEY',
    );
  }
  const client = await db.$client.connect();
  try {
    const mine = await migrationState(client);
    if (JSON.stringify(mine) !== JSON.stringify(header.migrations)) {
      const count = (m: Record<string, string[]>) => Object.values(m).reduce((n, l) => n + l.length, 0);
      throw new BackupRefused(
        `备份的数据库结构版本与本安装不同（备份含 ${count(header.migrations)} 个迁移，本安装 ${count(mine)} 个），拒绝恢复：请用与备份时相同版本的蜂巢恢复`,
      );
    }
    const tables = await publicTables(client);
    const missing = Object.keys(trailer.tables).filter((t) => !tables.includes(t));
    if (missing.length) throw new BackupRefused(`本安装缺少备份中的表：${missing.join('、')}，拒绝恢复`);
    const {
      rows: [state],
    } = await client.query<{ used: boolean }>(
      `select exists (select 1 from users) or exists (select 1 from org_nodes) as used`,
    );
    if (state!.used && !options.replace)
      throw new BackupRefused(
        '目标数据库已有数据（账号或治理节点），拒绝恢复。确认要用备份覆盖全部现有数据时，加 --replace',
      );

    await client.query('begin');
    await client.query(`set local session_replication_role = replica`).catch((error: Error) => {
      throw new BackupRefused(
        `恢复需要关闭本事务内的触发器与外键检查，数据库拒绝了（${error.message}）：请用数据库超级用户恢复，或先执行 GRANT SET ON PARAMETER session_replication_role TO <应用账号>`,
      );
    });
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`);
    progress(`已清空 ${tables.length} 张表，开始写入…`);
    const restored: Record<string, number> = {};
    let table: string | null = null;
    let columns = '';
    let batch: string[] = [];
    let batchBytes = 0;
    let done = 0;
    const flush = async () => {
      if (!batch.length || !table) return;
      await client.query(
        `insert into "${table}" (${columns}) overriding system value select ${columns} from jsonb_populate_recordset(null::"${table}", $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      restored[table] = (restored[table] ?? 0) + batch.length;
      batch = [];
      batchBytes = 0;
    };
    const target = options.s3 ? s3Bytes(options.s3) : null;
    let object: { id: number; seq: number; parts: Buffer[] } | null = null;
    const finishObject = async () => {
      if (!object) return;
      const parts = object.parts;
      if (target)
        await target.write(
          object.id,
          (async function* () {
            yield* parts;
          })(),
        );
      await client.query(`update stored_files set backend = $2 where id = $1`, [object.id, target ? 's3' : 'pg']);
      object = null;
    };
    // The file is read a second time: it must still be the file that passed inspection.
    const again = crypto.createHash('sha256');
    let index = 0;
    const total = Object.keys(trailer.tables).length;
    for await (const line of lines(options.file)) {
      const tag = line.slice(0, 2);
      if (tag !== 'Z ') again.update(`${line}\n`);
      if (tag === 'T ') {
        await flush();
        if (table) progress(`[${index}/${total}] ${table}：${restored[table] ?? 0} 行`);
        table = (JSON.parse(line.slice(2)) as { table: string }).table;
        index++;
        // Generated columns (search vectors) are computed again, never inserted.
        const { rows } = await client.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
          [table],
        );
        columns = rows.map((r) => `"${r.column_name}"`).join(', ');
      } else if (tag === 'R ') {
        batch.push(line.slice(2));
        batchBytes += line.length;
        done++;
        if (batch.length >= 1000 || batchBytes > 4_000_000) await flush();
        if (done % 100_000 === 0) progress(`  已写入 ${done} 行`);
      } else if (tag === 'F ') {
        await finishObject();
        object = { id: (JSON.parse(line.slice(2)) as { id: number }).id, seq: 0, parts: [] };
      } else if (tag === 'B ') {
        const bytes = Buffer.from(line.slice(2), 'base64');
        // Into this install's store: chunk rows in this transaction, or (object storage) one upload per file.
        if (target) object!.parts.push(bytes);
        else
          await client.query('insert into stored_file_chunks (file_id, seq, data) values ($1, $2, $3)', [
            object!.id,
            object!.seq++,
            bytes,
          ]);
      } else if (tag === 'S ') {
        await flush();
        if (table) progress(`[${index}/${total}] ${table}：${restored[table] ?? 0} 行`);
        for (const seq of JSON.parse(line.slice(2)) as { name: string; value: number | null }[]) {
          if (seq.value !== null)
            await client.query(`select setval($1, $2, true)`, [`public."${seq.name}"`, seq.value]);
        }
      }
    }
    await finishObject();
    if (again.digest('hex') !== trailer.sha256) throw new BackupRefused('备份文件在恢复过程中被改动，已撤销本次恢复');
    await client.query('commit');
    return { tables: restored, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
