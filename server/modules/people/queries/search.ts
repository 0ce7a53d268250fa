import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PiiCodec } from '../pii.ts';
import { queryBigrams } from '../rules/tokens.ts';

function likeTerm(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Text search over a bigram-token column (GIN, `@>`), rechecked with LIKE on the listed columns. */
export function tokenSearch(tokens: AnyColumn, columns: AnyColumn[], term: string): SQL {
  const grams = queryBigrams(term);
  const recheck = sql.join(
    columns.map((c) => sql`${c} like ${likeTerm(term)}`),
    sql` or `,
  );
  if (!grams.length) return sql`(${recheck})`;
  return sql`(${tokens} @> ${sql`array[${sql.join(
    grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`} and (${recheck}))`;
}

/**
 * Resident search: a whole identity number or phone goes through the keyed hash; 4 trailing
 * characters of an identity number or phone through the clear tails; anything else is name or
 * address text.
 */
export function residentSearch(
  cols: {
    tokens: AnyColumn;
    name: AnyColumn;
    address: AnyColumn;
    idHash: AnyColumn;
    phoneHash: AnyColumn;
    idTail: AnyColumn;
    phoneTail: AnyColumn;
  },
  codec: PiiCodec,
  raw: string,
): SQL {
  const term = raw.trim().toUpperCase();
  if (/^\d{17}[\dX]$/.test(term) || /^[A-Z]\d{7,8}$/.test(term))
    return sql`${cols.idHash} = ${codec.lookupHash('id', term)}`;
  if (/^1\d{10}$/.test(term)) return sql`${cols.phoneHash} = ${codec.lookupHash('phone', term)}`;
  if (/^\d{3}[\dX]$/.test(term)) return sql`(${cols.idTail} = ${term} or ${cols.phoneTail} = ${term})`;
  return tokenSearch(cols.tokens, [cols.name, cols.address], raw.trim());
}
