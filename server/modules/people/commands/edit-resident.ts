import { and, eq, ne } from 'drizzle-orm';
import type { ResidentEditBody } from '../../../../contracts/people.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { activeCareTags } from '../care-tags.ts';
import { isErrors } from '../import/kind.ts';
import { residentKind } from '../import/kinds/residents.ts';
import { houseRefById } from '../org-refs.ts';
import type { PiiCodec } from '../pii.ts';
import { authorizePeople } from '../policy.ts';
import { loadResident } from '../queries/residents.ts';
import { residents } from '../schema.ts';
import { formContext } from './form-context.ts';
import { fieldError, fieldErrors } from './register-errors.ts';

/** Fields whose change the audit row names (never their values: they may be personal data). */
const AUDITED = [
  'name',
  'gender',
  'birthDate',
  'idKind',
  'idHash',
  'phoneHash',
  'householdNo',
  'relation',
  'residenceType',
  'careTags',
] as const;

/**
 * Corrects a resident's own facts with the import's row check (GB 11643 identity numbers,
 * phone rule, care tags). The identity number and phone stay as stored unless a new one is
 * typed (the form only ever shows them masked); the house changes only through a move.
 */
export async function editResident(
  db: Db,
  codec: PiiCodec,
  actor: Actor,
  id: number,
  body: ResidentEditBody,
): Promise<void> {
  authorizePeople(actor, 'write', null);
  await withTx(db, async (tx) => {
    const before = await loadResident(tx, actor, id);
    authorizePeople(actor, 'write', before);
    const house = await houseRefById(tx, before.houseNodeId, '/');
    if (!house) throw fieldError('houseId', '房屋', '房屋已撤销，请先办理搬迁');
    const phone = body.clearPhone ? '' : (body.phone ?? (before.phoneCipher ? codec.open(before.phoneCipher) : ''));
    const row: Record<string, string> = {
      name: body.name,
      idKind: body.idKind,
      idNumber: body.idNumber ?? codec.open(before.idCipher),
      gender: body.gender ?? '',
      birthDate: body.birthDate ?? '',
      phone,
      houseCode: house.code,
      householdNo: body.householdNo ?? '',
      relation: body.relation ?? '',
      residenceType: body.residenceType,
      careTags: body.careTags.join(','),
      movedInOn: before.movedInOn ?? '',
      movedOutOn: before.movedOutOn ?? '',
    };
    const result = residentKind.validate(
      row,
      new Map([[house.code, house]]),
      formContext(actor, { codec, careTags: await activeCareTags(tx) }),
    );
    if (isErrors(result)) throw fieldErrors(result, residentKind.fields);
    if (result.idHash !== before.idHash) {
      const [taken] = await tx
        .select({ id: residents.id })
        .from(residents)
        .where(and(eq(residents.idHash, result.idHash), ne(residents.id, id)));
      if (taken) throw fieldError('idNumber', '证件号码', '该证件号码已登记为另一位居民');
    }
    // Unchanged ciphertexts are kept: each encryption differs (random IV), the hashes say what changed.
    const { houseNodeId: _h, scopePath: _s, movedInOn: _i, movedOutOn: _o, ...facts } = result;
    await tx
      .update(residents)
      .set({
        ...facts,
        idCipher: result.idHash === before.idHash ? before.idCipher : result.idCipher,
        phoneCipher: result.phoneHash === before.phoneHash ? before.phoneCipher : result.phoneCipher,
        updatedAt: new Date(),
      })
      .where(eq(residents.id, id));
    const changed = AUDITED.filter((k) => JSON.stringify(result[k]) !== JSON.stringify(before[k]));
    await recordAudit(tx, actor, {
      action: 'people.resident.update',
      targetType: 'resident',
      targetId: id,
      scopePath: before.scopePath,
      summary: { changed },
    });
  });
}
