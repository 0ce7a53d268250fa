import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../../contracts/people.ts';
import type { Queryable } from '../../../platform/db/tx.ts';
import { headerMappings } from '../schema.ts';
import type { FieldSpec } from './kind.ts';

/**
 * Header → field for a new file: a mapping remembered from an earlier import wins, then the
 * built-in Chinese aliases. Headers that match nothing stay unmapped (ignored).
 */
export async function suggestMapping(
  q: Queryable,
  kind: ImportKind,
  headers: string[],
  fields: FieldSpec[],
): Promise<Record<string, string>> {
  const remembered = headers.length
    ? await q
        .select()
        .from(headerMappings)
        .where(and(eq(headerMappings.kind, kind), inArray(headerMappings.header, headers)))
    : [];
  const known = new Map(remembered.map((r) => [r.header, r.field]));
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const field = known.get(header) ?? fields.find((f) => f.aliases.includes(header) || f.field === header)?.field;
    if (field) mapping[header] = field;
  }
  return mapping;
}

/** Problems of a chosen mapping: unknown fields, a field mapped twice, required fields missing. */
export function mappingProblems(
  mapping: Record<string, string>,
  headers: string[],
  fields: FieldSpec[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const used = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header)) problems.push({ path: `mapping.${header}`, message: '文件中没有这一列' });
    else if (!fields.some((f) => f.field === field))
      problems.push({ path: `mapping.${header}`, message: `未知字段 ${field}` });
    else if (used.has(field))
      problems.push({ path: `mapping.${header}`, message: `与“${used.get(field)}”映射到同一字段` });
    used.set(field, header);
  }
  for (const f of fields)
    if (f.required && !used.has(f.field)) problems.push({ path: 'mapping', message: `缺少必填列：${f.label}` });
  return problems;
}

export async function rememberMapping(q: Queryable, kind: ImportKind, mapping: Record<string, string>): Promise<void> {
  const rows = Object.entries(mapping).map(([header, field]) => ({ kind, header, field }));
  if (!rows.length) return;
  await q
    .insert(headerMappings)
    .values(rows)
    .onConflictDoUpdate({ target: [headerMappings.kind, headerMappings.header], set: { field: sql`excluded.field` } });
}
