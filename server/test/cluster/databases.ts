import { pg } from '../../platform/db/pg-types.ts';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema.ts';
import type { Db } from '../../platform/db/open.ts';
import { runMigrations } from '../../platform/db/migrate.ts';
import { DEVELOPMENT_DATA_KEY } from '../../platform/config.ts';
import { seedDemoIfEmpty, smallFixture, type SeedResult } from '../../seed/index.ts';

export const CLUSTER_PASSWORD = 'cluster-pass-2026';

/** A database of its own on the PostgreSQL named by `serverUrl`, dropped by drop(). */
export async function freshDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Seeds the tests' small district (2 streets × 2 communities, every account's password
 * CLUSTER_PASSWORD) into a database, migrating it first when needed; communityLife (default on)
 * adds houses, components and the rest of the demo community's life (exports have rows).
 */
export async function seedSmallDistrict(
  url: string,
  options: { communityLife?: boolean } = {},
): Promise<SeedResult | null> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await runMigrations(pool);
    return await seedDemoIfEmpty(drizzle(pool, { schema }) as Db, {
      fixture: smallFixture(),
      password: CLUSTER_PASSWORD,
      housesFor: () => true,
      communityLife: options.communityLife ?? true,
      residentsDataKey: DEVELOPMENT_DATA_KEY,
    });
  } finally {
    await pool.end();
  }
}
