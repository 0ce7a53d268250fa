import type { z } from 'zod';
import type { residentBody } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import { actorCovers } from '../../../platform/scope.ts';
import { activeCareTags } from '../care-tags.ts';
import { residents } from '../schema.ts';
import { isErrors, type ImportContext } from '../import/kind.ts';
import { residentKind } from '../import/kinds/residents.ts';
import { houseRefById } from '../org-refs.ts';
import type { PiiCodec } from '../pii.ts';
import { authorizePeople } from '../policy.ts';
import { upsertResidents } from './upsert-residents.ts';
import { fieldError, fieldErrors } from './register-errors.ts';

/**
 * Registers (or updates, keyed on the identity number) one resident through the same row rules
 * as the import, so a form and a spreadsheet can never disagree about what is valid.
 */
export async function saveResident(
  db: Db,
  deps: { codec: PiiCodec },
  actor: Actor,
  body: z.infer<typeof residentBody>,
) {
  return withTx(db, async (tx) => {
    const house = await houseRefById(tx, body.houseId, actor.scopePath ?? '');
    if (!house) throw fieldError('houseId', '房屋', '房屋不存在或不在您的管辖范围内');
    authorizePeople(actor, 'write', { scopePath: house.path });
    const ctx: ImportContext = {
      actor,
      codec: deps.codec,
      scopePath: actor.scopePath ?? '',
      careTags: await activeCareTags(tx),
      districtCode: null,
      locate: () => null,
    };
    const row: Record<string, string> = {
      name: body.name,
      idKind: body.idKind,
      idNumber: body.idNumber,
      gender: body.gender ?? '',
      birthDate: body.birthDate ?? '',
      phone: body.phone ?? '',
      houseCode: house.code,
      householdNo: body.householdNo ?? '',
      relation: body.relation ?? '',
      residenceType: body.residenceType,
      careTags: body.careTags.join(','),
      movedInOn: body.movedInOn ?? '',
    };
    const result = residentKind.validate(row, new Map([[house.code, house]]), ctx);
    if (isErrors(result)) throw fieldErrors(result, residentKind.fields, { houseCode: 'houseId' });
    // The same person registered somewhere this user cannot see is not theirs to move by typing the
    // number in: the community that holds the record moves them out first (the form never overwrites
    // a record out of sight; within the user's area it is an update, as the import does).
    const [holder] = await tx
      .select({ scopePath: residents.scopePath })
      .from(residents)
      .where(and(eq(residents.idHash, result.idHash)));
    if (holder && !actorCovers(actor, holder.scopePath)) {
      throw new AppError('DUPLICATE', {
        message: '该证件号码的居民已在您管辖范围以外登记，须由其现所在社区办理迁出后再登记',
        details: [{ path: 'idNumber', message: '该证件号码已在其他社区登记' }],
      });
    }
    const [id] = await upsertResidents(tx, [result]);
    await recordAudit(tx, actor, {
      action: 'people.resident.save',
      targetType: 'resident',
      targetId: id ?? null,
      scopePath: house.path,
      summary: { name: body.name, houseId: house.id },
    });
    return id ?? null;
  });
}
