import type { Queryable } from '../../platform/db/tx.ts';
import type { Slice, StatProvider, StatQuery } from './stat-provider.ts';

let providers: StatProvider[] = [];

/** Called once by modules/index.ts with every manifest's providers (importing MODULES here would be a cycle). */
export function registerStatProviders(list: StatProvider[]): void {
  providers = [...list];
}

/** Every provider the modules registered. */
export function allProviders(): StatProvider[] {
  return providers;
}

function find<K extends StatProvider['kind']>(name: string, kind: K): Extract<StatProvider, { kind: K }> | null {
  const p = allProviders().find((s) => s.name === name);
  return p && p.kind === kind ? (p as Extract<StatProvider, { kind: K }>) : null;
}

/** A figure, or null when no module provides it (e.g. the people module not installed). */
export async function figure(db: Queryable, name: string, q: StatQuery): Promise<number | null> {
  const p = find(name, 'figure');
  return p ? p.compute(db, q) : null;
}

export async function breakdown(db: Queryable, name: string, q: StatQuery): Promise<Slice[]> {
  return (await find(name, 'breakdown')?.compute(db, q)) ?? [];
}

export async function list(db: Queryable, name: string, q: StatQuery): Promise<Record<string, unknown>[]> {
  return (await find(name, 'list')?.compute(db, q)) ?? [];
}
