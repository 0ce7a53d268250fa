import { withTx } from '../../../platform/db/tx.ts';
import type { TestContext } from '../../../test/test-app.ts';
import { createPiiCodec, seedDemoResidents } from '../../people/index.ts';
import { seedCommunityLifeFor } from '../../services/test-seed.ts';

/**
 * The demo community with residents and its service station; returns one resident's clear
 * identity number and phone (read back from the encrypted base data) for the terminal to check.
 */
export async function kioskWorld(ctx: TestContext) {
  const community = ctx.seed.tree.streets[0]!.communities[0]!;
  await seedCommunityLifeFor(ctx);
  await withTx(ctx.db, (tx) => seedDemoResidents(tx, community, ctx.deps.config.dataKey, '320508'));
  const codec = createPiiCodec(ctx.deps.config.dataKey);
  const { rows } = await ctx.pool.query<{ id: number; name: string; id_cipher: string; phone_cipher: string }>(
    `select id, name, id_cipher, phone_cipher from people_residents where phone_cipher is not null order by id limit 1`,
  );
  const r = rows[0]!;
  return { personId: r.id, name: r.name, idNumber: codec.open(r.id_cipher), phone: codec.open(r.phone_cipher) };
}

/** A free slot at least an hour ahead at the community's station. */
export async function freeSlot(ctx: TestContext, stationId: number): Promise<number> {
  const { rows } = await ctx.pool.query<{ id: number }>(
    `select id from service_slots where station_id = $1 and starts_at > now() + interval '1 hour' and booked < capacity order by starts_at limit 1`,
    [stationId],
  );
  return rows[0]!.id;
}
