import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable, Tx } from '../../../platform/db/tx.ts';
import type { PiiCodec } from '../pii.ts';

/** One column an import understands; `aliases` are the Chinese headers workers' sheets already use. */
export interface FieldSpec {
  field: string;
  label: string;
  required?: boolean;
  aliases: string[];
}

/** One rejected cell; the report shows the file's own header for `field`. */
export interface CellError {
  field: string;
  value: string;
  reason: string;
}

export interface ImportContext {
  actor: Actor;
  codec: PiiCodec;
  /** Rows may only land under this path (the importer's scope when the file was uploaded). */
  scopePath: string;
  careTags: Set<string>;
  districtCode: string | null;
  /** Point → grid inside the import's scope (components). */
  locate(lng: number, lat: number): { id: number } | null;
}

/**
 * What one kind of record (residents, houses, …) contributes to the shared import path:
 * a batch lookup (house/grid nodes), a synchronous row check, and an idempotent bulk upsert.
 */
export interface KindSpec<L, V> {
  fields: FieldSpec[];
  /** Runs outside the write transaction (see run-import.ts). */
  lookup(q: Queryable, rows: Record<string, string>[], ctx: ImportContext): Promise<L>;
  validate(row: Record<string, string>, lookup: L, ctx: ImportContext): V | CellError[];
  write(tx: Tx, values: V[], ctx: ImportContext): Promise<void>;
}

export function isErrors<V>(result: V | CellError[]): result is CellError[] {
  return Array.isArray(result);
}

/** Dates as workers type them (2024-03-01, 2024/3/1, 20240301) → ISO, or null when unreadable. */
export function normaliseDate(value: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
