import { and, eq, ne } from 'drizzle-orm';
import type { ComponentBody } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import type { GridLookup } from '../../org/grid-lookup.ts';
import { isErrors } from '../import/kind.ts';
import { componentKind } from '../import/kinds/components.ts';
import { districtCodeOf, gridRefsById } from '../org-refs.ts';
import { authorizePeople, peopleScopeWhere } from '../policy.ts';
import { components } from '../schema.ts';
import { formContext } from './form-context.ts';
import { fieldError, fieldErrors } from './register-errors.ts';

/**
 * Registers or corrects a city component through the import's row check: the component code
 * (district + class + sequence), the state, and the point, which must fall in a grid of the
 * actor's scope (that grid becomes the component's). `id` null: a new component.
 */
export async function saveComponent(
  db: Db,
  gridLookup: GridLookup,
  actor: Actor,
  id: number | null,
  body: ComponentBody,
): Promise<number> {
  authorizePeople(actor, 'write', null);
  // Located before the transaction: the shared locator reads through the pool (PGlite: only `tx` inside).
  const located = await gridLookup.locate(body.lng, body.lat);
  return withTx(db, async (tx) => {
    if (id !== null) await loadComponentForWrite(tx, actor, id);
    const grids = located ? await gridRefsById(tx, [located.id]) : new Map();
    const row: Record<string, string> = {
      componentCode: body.componentCode,
      name: body.name ?? '',
      lng: String(body.lng),
      lat: String(body.lat),
      state: body.state,
      ownerUnit: body.ownerUnit ?? '',
      maintainerUnit: body.maintainerUnit ?? '',
    };
    const ctx = formContext(actor, { districtCode: await districtCodeOf(tx, actor.scopePath ?? '/0/') });
    const result = componentKind.validate(
      row,
      { gridOf: [located ? String(located.id) : null], grids, index: new Map([[row, 0]]) },
      ctx,
    );
    if (isErrors(result)) throw fieldErrors(result, componentKind.fields);
    authorizePeople(actor, 'write', { scopePath: result.scopePath });
    const [taken] = await tx
      .select({ id: components.id })
      .from(components)
      .where(
        id === null
          ? eq(components.componentCode, result.componentCode)
          : and(eq(components.componentCode, result.componentCode), ne(components.id, id)),
      );
    if (taken) throw fieldError('componentCode', '部件编码', '该编码已登记');
    const values = { ...result, updatedAt: new Date() };
    const [saved] =
      id === null
        ? await tx.insert(components).values(values).returning({ id: components.id })
        : await tx.update(components).set(values).where(eq(components.id, id)).returning({ id: components.id });
    await recordAudit(tx, actor, {
      action: id === null ? 'people.component.create' : 'people.component.update',
      targetType: 'component',
      targetId: saved!.id,
      scopePath: result.scopePath,
      summary: { componentCode: result.componentCode, state: result.state },
    });
    return saved!.id;
  });
}

/** The component as the actor may change it: outside scope 404, without the ability 403. */
export async function loadComponentForWrite(q: Queryable, actor: Actor, id: number) {
  const [row] = await q
    .select()
    .from(components)
    .where(and(eq(components.id, id), peopleScopeWhere(actor, components.scopePath)));
  if (!row) throw new AppError('NOT_FOUND');
  authorizePeople(actor, 'write', row);
  return row;
}
