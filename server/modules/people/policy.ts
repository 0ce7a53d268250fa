import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { actorCovers, underPath } from '../../platform/scope.ts';
import { hasAbility } from '../accounts/abilities.ts';

/**
 * The one place deciding access to base data. Every row carries the path of its house or grid
 * node (`scope_path`): outside the actor's scope a row is 404; inside it, the role's ability
 * decides (403). Identity numbers and phones are masked for everyone; `reveal` shows one whole
 * (community secretary and above, reason required, audited); `review_reveals` lists those entries.
 * `write` covers every register form (residents, houses, entities, components; move, move-out):
 * a role without it gets 403 before any row is looked at, a row outside scope 404.
 */
export type PeopleAction = 'read' | 'write' | 'import' | 'export' | 'reveal' | 'review_reveals';

const ABILITY: Record<PeopleAction, string> = {
  read: 'people.read',
  write: 'people.write',
  import: 'people.import',
  export: 'people.export',
  reveal: 'people.reveal',
  review_reveals: 'audit.read',
};

export function peopleScopeWhere(actor: Actor, scopeColumn: AnyColumn | SQL): SQL {
  return actor.scopePath ? underPath(scopeColumn, actor.scopePath) : sql`false`;
}

/** `row` null: an action on the actor's whole scope (lists, imports, exports). */
export function canPeople(actor: Actor, action: PeopleAction, row: { scopePath: string } | null): boolean {
  if (!hasAbility(actor.role, ABILITY[action])) return false;
  return actorCovers(actor, row ? row.scopePath : actor.scopePath);
}

export function authorizePeople(actor: Actor, action: PeopleAction, row: { scopePath: string } | null): void {
  if (!canPeople(actor, action, row)) throw new AppError('FORBIDDEN');
}

/**
 * Picking a city component when reporting a case. Components are public street furniture, not
 * personal data, and a case may be reported anywhere, so anyone who may report a case (or read
 * base data) sees the few components around one point; the endpoint caps radius and count so that
 * it cannot list the table.
 */
export function canPickComponents(actor: Actor): boolean {
  return hasAbility(actor.role, 'cases.report') || hasAbility(actor.role, ABILITY.read);
}

export function assertCanPickComponents(actor: Actor): void {
  if (!canPickComponents(actor)) throw new AppError('FORBIDDEN');
}

export function peopleAbilities(actor: Actor, row: { scopePath: string }): PeopleAction[] {
  return (['read', 'write', 'reveal'] as const).filter((a) => canPeople(actor, a, row));
}
