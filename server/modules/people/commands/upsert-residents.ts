import { inArray, sql } from 'drizzle-orm';
import { bulkUpsert } from './bulk-upsert.ts';
import type { Tx } from '../../../platform/db/tx.ts';
import { residenceHistory, residents } from '../schema.ts';

export type ResidentValue = Omit<typeof residents.$inferInsert, 'id' | 'updatedAt'>;

/** Residence dates are civil dates in China, whatever the server's time zone. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * Idempotent bulk upsert keyed on the identity-number hash. A row whose facts are unchanged is
 * not touched (re-importing a file changes nothing, not even updated_at). Ciphertexts differ on
 * every encryption (random IV), so changes are detected on the hashes, never on ciphertexts.
 * A resident whose house changes gets their residence history closed and reopened.
 */
export async function upsertResidents(tx: Tx, values: ResidentValue[]): Promise<number[]> {
  if (!values.length) return [];
  // One file may list the same person twice: the last row wins, as a re-import would.
  const byHash = new Map(values.map((v) => [v.idHash, v]));
  const rows = [...byHash.values()];
  const before = await tx.select({ idHash: residents.idHash, houseNodeId: residents.houseNodeId }).from(residents)
    .where(sql`${residents.idHash} = any(${sql.param(rows.map((r) => r.idHash))}::text[])`);
  const previousHouse = new Map(before.map((b) => [b.idHash, b.houseNodeId]));
  const changed = (await bulkUpsert(tx, residents, rows, {
    target: ['id_hash'],
    keep: ['id_cipher'],
    overrides: { phone_cipher: 'case when "people_residents"."phone_hash" is not distinct from excluded.phone_hash then "people_residents"."phone_cipher" else excluded.phone_cipher end' },
    compare: ['house_node_id', 'name', 'gender', 'birth_date', 'id_kind', 'phone_hash', 'household_no', 'relation', 'residence_type', 'care_tags', 'moved_in_on', 'moved_out_on', 'address'],
    returning: ['id', 'id_hash', 'house_node_id', 'moved_in_on::text as moved_in_on'],
  })).map((r) => ({ id: Number(r.id), idHash: String(r.id_hash), houseNodeId: Number(r.house_node_id), movedInOn: r.moved_in_on === null ? null : String(r.moved_in_on) }));
  const opened = changed.filter((r) => previousHouse.get(r.idHash) !== r.houseNodeId);
  const moved = opened.filter((r) => previousHouse.has(r.idHash)).map((r) => r.id);
  if (moved.length) {
    await tx.update(residenceHistory).set({ toOn: todayInShanghai() })
      .where(sql`${inArray(residenceHistory.residentId, moved)} and ${residenceHistory.toOn} is null`);
  }
  if (opened.length) {
    const today = todayInShanghai();
    await tx.execute(sql`insert into ${residenceHistory} (resident_id, house_node_id, from_on)
      select * from unnest(${sql.param(opened.map((r) => r.id))}::int[], ${sql.param(opened.map((r) => r.houseNodeId))}::int[],
        ${sql.param(opened.map((r) => (previousHouse.has(r.idHash) ? today : r.movedInOn)))}::date[])`);
  }
  return changed.map((r) => r.id);
}
