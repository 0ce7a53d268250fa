import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/tx.ts';
import { columnNamesOf, upsertStatement } from './bulk-upsert.ts';
import { stageRows } from './staging.ts';
import { residents } from '../schema.ts';

export type ResidentValue = Omit<typeof residents.$inferInsert, 'id' | 'updatedAt'>;

/** Residence dates are civil dates in China, whatever the server's time zone. */
export function todayInShanghai(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * Idempotent bulk upsert keyed on the identity-number hash, in ONE statement after staging:
 *
 * - `prev`: the house each incoming person lived in before (all parts of a WITH see the same
 *   snapshot, so this is the state before the upsert);
 * - `up`: insert or update; a row whose facts are unchanged is not touched (re-importing a file
 *   changes nothing, not even updated_at). Ciphertexts differ on every encryption (random IV), so
 *   changes are detected on the hashes, never on ciphertexts, and an unchanged phone keeps its
 *   stored ciphertext;
 * - `closed` / `opened`: a person whose house changed gets their open residence closed today and a
 *   new one opened; a new person's residence opens on their moved-in date.
 *
 * Returns the ids of the rows inserted or changed.
 */
export async function upsertResidents(tx: Tx, values: ResidentValue[]): Promise<number[]> {
  if (!values.length) return [];
  // One file may list the same person twice: the last row wins, as a re-import would.
  const rows = [...new Map(values.map((v) => [v.idHash, v])).values()];
  const staged = await stageRows(tx, residents, rows);
  const upsert = upsertStatement(
    residents,
    { relation: sql`incoming`, select: staged.names, names: staged.names },
    columnNamesOf(residents, Object.keys(rows[0]!)),
    {
      target: ['id_hash'],
      keep: ['id_cipher'],
      overrides: {
        phone_cipher:
          'case when "people_residents"."phone_hash" is not distinct from excluded.phone_hash then "people_residents"."phone_cipher" else excluded.phone_cipher end',
      },
      compare: [
        'house_node_id',
        'name',
        'gender',
        'birth_date',
        'id_kind',
        'phone_hash',
        'household_no',
        'relation',
        'residence_type',
        'care_tags',
        'moved_in_on',
        'moved_out_on',
        'address',
      ],
      returning: ['id', 'id_hash', 'house_node_id', 'moved_in_on'],
    },
  );
  const today = todayInShanghai();
  const result = await tx.execute<{ id: number }>(sql`
    with incoming as materialized (select ${staged.select} from ${staged.relation}),
    prev as (select r.id_hash, r.house_node_id from ${residents} r where r.id_hash in (select id_hash from incoming)),
    up as (${upsert}),
    moves as (
      select up.id, up.house_node_id, up.moved_in_on, prev.house_node_id as before
      from up left join prev on prev.id_hash = up.id_hash
      where prev.house_node_id is distinct from up.house_node_id),
    closed as (
      update people_residence_history h set to_on = ${today}::date from moves
      where moves.before is not null and h.resident_id = moves.id and h.to_on is null),
    opened as (
      insert into people_residence_history (resident_id, house_node_id, from_on)
      select id, house_node_id, case when before is null then moved_in_on else ${today}::date end from moves order by id)
    select id from up`);
  return result.rows.map((r) => Number(r.id));
}
