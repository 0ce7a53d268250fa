import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import type { SeededTree } from '../org/demo-tree.ts';
import { seedBoards } from '../boards/seed.ts';
import { shanghaiToday } from '../../platform/calendar/local-day.ts';
import { seedPropertyCompanies } from '../ratings/seed.ts';
import { seedServices } from './seed.ts';

/**
 * Demo data of community life: service catalogue, stations and slots, neighbourhood boards,
 * property companies. Runs once: a second call on a seeded database does nothing.
 */
export async function seedCommunityLife(tx: Tx, tree: SeededTree): Promise<void> {
  const seeded = await tx.execute<{ n: number }>(sql`select count(*)::int as n from service_items`);
  if (Number(seeded.rows[0]?.n) > 0) return;
  await seedServices(tx, tree, shanghaiToday());
  await seedBoards(tx, tree);
  await seedPropertyCompanies(tx, tree);
}
