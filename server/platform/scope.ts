import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from './auth/actor.ts';

/** Escapes LIKE wildcards; paths hold digits and slashes only, but a helper never trusts that. */
function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL predicate: the row's path column lies at or under `path` (uses the text_pattern_ops index). */
export function underPath(column: AnyColumn | SQL, path: string): SQL {
  return sql`${column} like ${likePrefix(path)}`;
}

/** True when `path` lies at or under `ancestorPath`. */
export function isUnder(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** True when the actor's territorial scope covers `path`. */
export function actorCovers(actor: Actor, path: string | null | undefined): boolean {
  return Boolean(actor.scopePath && path && isUnder(path, actor.scopePath));
}

/** Path for a child node, given the parent's path. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}
