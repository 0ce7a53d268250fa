import { and, eq, ne } from 'drizzle-orm';
import type { EntityBody } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx, type Queryable } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { isErrors } from '../import/kind.ts';
import { entityKind } from '../import/kinds/entities.ts';
import { gridRefsById } from '../org-refs.ts';
import { authorizePeople, peopleScopeWhere } from '../policy.ts';
import { entities } from '../schema.ts';
import { isUnder } from '../../../platform/scope.ts';
import { formContext } from './form-context.ts';
import { fieldError, fieldErrors } from './register-errors.ts';

/**
 * Registers or corrects a legal entity through the import's own row check (USCC per GB 32100
 * with the GB 11714 organisation code inside it, type, grid in scope), so a form and a
 * spreadsheet can never disagree about what is valid. `id` null: a new entity.
 */
export async function saveEntity(db: Db, actor: Actor, id: number | null, body: EntityBody): Promise<number> {
  authorizePeople(actor, 'write', null);
  return withTx(db, async (tx) => {
    const before = id === null ? null : await loadEntityForWrite(tx, actor, id);
    const grid = (await gridRefsById(tx, [body.gridId])).get(body.gridId);
    const inScope = grid && isUnder(grid.path, actor.scopePath ?? '');
    const row: Record<string, string> = {
      creditCode: body.creditCode,
      name: body.name,
      type: body.type,
      legalRep: body.legalRep ?? '',
      address: body.address ?? '',
      gridCode: inScope ? grid.code : '',
      employees: body.employees == null ? '' : String(body.employees),
    };
    const result = entityKind.validate(row, new Map(inScope ? [[grid.code, grid]] : []), formContext(actor));
    if (isErrors(result)) {
      // A grid outside the actor's scope reads like a missing one: "not found or not yours".
      throw fieldErrors(
        result.map((e) => (e.field === 'gridCode' ? { ...e, reason: '网格不存在或不在您的管辖范围内' } : e)),
        entityKind.fields,
        { gridCode: 'gridId' },
        { gridCode: '所属网格' },
      );
    }
    authorizePeople(actor, 'write', { scopePath: result.scopePath });
    const [taken] = await tx
      .select({ id: entities.id })
      .from(entities)
      .where(
        id === null
          ? eq(entities.creditCode, result.creditCode)
          : and(eq(entities.creditCode, result.creditCode), ne(entities.id, id)),
      );
    if (taken) throw fieldError('creditCode', '统一社会信用代码', '该代码已登记');
    const values = { ...result, updatedAt: new Date() };
    const [saved] =
      id === null
        ? await tx.insert(entities).values(values).returning({ id: entities.id })
        : await tx.update(entities).set(values).where(eq(entities.id, id)).returning({ id: entities.id });
    await recordAudit(tx, actor, {
      action: id === null ? 'people.entity.create' : 'people.entity.update',
      targetType: 'entity',
      targetId: saved!.id,
      scopePath: result.scopePath,
      summary: {
        creditCode: result.creditCode,
        name: result.name,
        ...(before && before.scopePath !== result.scopePath ? { movedFrom: before.gridNodeId } : {}),
      },
    });
    return saved!.id;
  });
}

/** The entity as the actor may change it: outside scope 404, without the ability 403. */
export async function loadEntityForWrite(tx: Queryable, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.id, id), peopleScopeWhere(actor, entities.scopePath)));
  if (!row) throw new AppError('NOT_FOUND');
  authorizePeople(actor, 'write', row);
  return row;
}
