import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/tx.ts';
import { maskIdentityNumber, maskPhone } from '../../../platform/masking.ts';
import { underPath } from '../../../platform/scope.ts';
import type { PiiCodec } from '../pii.ts';
import { residents } from '../schema.ts';

export interface IdentityClaim {
  houseNodeId: number;
  communityPath: string;
  name: string;
  phone: string | null;
}

/**
 * Residents of base data who may be the person behind a self-registration: everyone registered in
 * the claimed house, and anyone in the community with the same name or the same phone (compared
 * by keyed hash, never in clear). Moved-out residents are left out. Masked view only; best first.
 */
export async function signupCandidates(q: Queryable, codec: PiiCodec, claim: IdentityClaim, limit = 20) {
  const phoneHash = claim.phone ? codec.lookupHash('phone', claim.phone) : null;
  const rows = await q
    .select()
    .from(residents)
    .where(
      and(
        isNull(residents.movedOutOn),
        underPath(residents.scopePath, claim.communityPath),
        or(
          eq(residents.houseNodeId, claim.houseNodeId),
          eq(residents.name, claim.name),
          phoneHash ? eq(residents.phoneHash, phoneHash) : sql`false`,
        ),
      ),
    )
    .limit(200);
  return rows
    .map((r) => {
      const sameHouse = r.houseNodeId === claim.houseNodeId;
      const sameName = r.name === claim.name;
      const samePhone = phoneHash !== null && r.phoneHash === phoneHash;
      return {
        id: r.id,
        name: r.name,
        gender: r.gender,
        idNumberMasked: maskIdentityNumber(codec.open(r.idCipher))!,
        phoneMasked: r.phoneCipher ? maskPhone(codec.open(r.phoneCipher)) : null,
        address: r.address,
        sameHouse,
        sameName,
        samePhone,
        score: Number(sameName) * 4 + Number(samePhone) * 2 + Number(sameHouse),
      };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
    .map(({ score: _s, ...c }) => c);
}

/** A resident currently living under `path` (a community), or null. */
export async function residentLivingUnder(q: Queryable, id: number, path: string) {
  const [r] = await q
    .select({
      id: residents.id,
      name: residents.name,
      houseNodeId: residents.houseNodeId,
      scopePath: residents.scopePath,
    })
    .from(residents)
    .where(and(eq(residents.id, id), isNull(residents.movedOutOn), underPath(residents.scopePath, path)))
    .limit(1);
  return r ?? null;
}
