/**
 * Starts the database every API test file shares: embedded PGlite by default, or a fresh
 * database on the PostgreSQL named by DATABASE_URL (dropped afterwards). Tests therefore
 * always run against real PostgreSQL semantics, never a mock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../platform/db/embedded.ts';
import { runMigrations } from '../platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'embedded' | 'postgres';
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  let teardown: () => Promise<void>;
  let url: string;
  if (serverUrl) {
    const name = `gridhive_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(`无法连接 DATABASE_URL=${serverUrl}：${(error as Error).message}`);
    }
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-db-'));
    const embedded = await startEmbeddedDatabase(dir);
    url = embedded.connectionString;
    teardown = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await runMigrations(pool);
  await pool.end();
  project.provide('databaseUrl', url);
  project.provide('databaseKind', serverUrl ? 'postgres' : 'embedded');
  return teardown;
}
