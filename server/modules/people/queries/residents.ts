import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS, type ResidentListQuery } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { maskIdentityNumber, maskPhone } from '../../../platform/masking.ts';
import { underPath } from '../../../platform/scope.ts';
import { keysetBatches } from '../export/keyset.ts';
import { gridPathInScope } from '../org-refs.ts';
import type { PiiCodec } from '../pii.ts';
import { peopleScopeWhere } from '../policy.ts';
import { houses, residents } from '../schema.ts';
import { COUNT_CAP, pageInfoOf } from './page.ts';
import { residentSearch } from './search.ts';

export type ResidentRow = typeof residents.$inferSelect;

/** The masked view every list, detail and default export shows. */
export function maskedResident(r: ResidentRow, codec: PiiCodec) {
  const id = codec.open(r.idCipher);
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate,
    idKind: r.idKind,
    idNumberMasked: maskIdentityNumber(id)!,
    phoneMasked: r.phoneCipher ? maskPhone(codec.open(r.phoneCipher)) : null,
    houseId: r.houseNodeId,
    address: r.address,
    householdNo: r.householdNo,
    relation: r.relation,
    residenceType: r.residenceType,
    careTags: r.careTags,
    movedInOn: r.movedInOn,
    movedOutOn: r.movedOutOn,
  };
}

function yearsAgo(years: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** The WHERE of a resident list or export: scope first, then each filter. */
export async function residentFilter(
  q: Queryable,
  actor: Actor,
  codec: PiiCodec,
  f: Omit<ResidentListQuery, 'page' | 'pageSize'>,
): Promise<SQL> {
  const parts: (SQL | undefined)[] = [peopleScopeWhere(actor, residents.scopePath)];
  if (f.gridId) {
    const path = await gridPathInScope(q, f.gridId, actor.scopePath ?? '');
    if (!path) throw new AppError('NOT_FOUND');
    parts.push(underPath(residents.scopePath, path));
  }
  if (f.houseId) parts.push(eq(residents.houseNodeId, f.houseId));
  if (f.q)
    parts.push(
      residentSearch(
        {
          tokens: residents.searchTokens,
          name: residents.name,
          address: residents.address,
          idHash: residents.idHash,
          phoneHash: residents.phoneHash,
          idTail: residents.idTail,
          phoneTail: residents.phoneTail,
        },
        codec,
        f.q,
      ),
    );
  if (f.tags?.length)
    parts.push(
      sql`${residents.careTags} @> array[${sql.join(
        f.tags.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
    );
  if (f.residenceType) parts.push(eq(residents.residenceType, f.residenceType));
  if (f.ageBand) {
    const [min, max] = AGE_BANDS[f.ageBand];
    parts.push(sql`${residents.birthDate} > ${yearsAgo(max)} and ${residents.birthDate} <= ${yearsAgo(min)}`);
  }
  if (f.houseUse)
    parts.push(
      sql`exists (select 1 from ${houses} where ${houses.houseNodeId} = ${residents.houseNodeId} and ${houses.use} = ${f.houseUse})`,
    );
  return and(...parts)!;
}

/**
 * Ordered by house path (in the index's own byte order, `using ~<~`), then id: the
 * (scope_path text_pattern_ops, id) index then serves both the scope prefix and the order, so a
 * grid worker's page does not walk the whole table by id.
 */
export async function residentPage(q: Queryable, actor: Actor, codec: PiiCodec, query: ResidentListQuery) {
  const where = await residentFilter(q, actor, codec, query);
  const [rows, [counted]] = await Promise.all([
    q
      .select()
      .from(residents)
      .where(where)
      .orderBy(sql`${residents.scopePath} using ~<~`, asc(residents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q
      .execute<{ n: number }>(
        sql`select count(*)::int as n from (select 1 from ${residents} where ${where} limit ${COUNT_CAP + 1}) t`,
      )
      .then((r) => r.rows),
  ]);
  return {
    data: rows.map((r) => maskedResident(r, codec)),
    page: pageInfoOf(query.page, query.pageSize, Number(counted?.n ?? 0)),
  };
}

/** Only what an export writes: no search tokens, hashes or timestamps to parse and collect per row. */
export const residentExportFields = {
  id: residents.id,
  name: residents.name,
  idKind: residents.idKind,
  idCipher: residents.idCipher,
  gender: residents.gender,
  birthDate: residents.birthDate,
  phoneCipher: residents.phoneCipher,
  address: residents.address,
  householdNo: residents.householdNo,
  relation: residents.relation,
  residenceType: residents.residenceType,
  careTags: residents.careTags,
  movedInOn: residents.movedInOn,
  movedOutOn: residents.movedOutOn,
};
export type ResidentExportRow = Pick<ResidentRow, keyof typeof residentExportFields>;

/** Export reads by keyset in id order (export/keyset.ts): memory and time per batch stay flat. */
export function residentBatches(q: Queryable, where: SQL, batch?: number): AsyncGenerator<ResidentExportRow[]> {
  return keysetBatches<ResidentExportRow>(q, residents, residentExportFields, where, batch);
}

/** A resident inside the actor's scope, or 404. */
export async function loadResident(q: Queryable, actor: Actor, id: number): Promise<ResidentRow> {
  const [row] = await q
    .select()
    .from(residents)
    .where(and(eq(residents.id, id), peopleScopeWhere(actor, residents.scopePath)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
