import { and, eq, isNull } from 'drizzle-orm';
import { underPath } from '../../platform/scope.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import type { ModuleManifest } from '../manifest.ts';
import { importJobs } from './import/run-import.ts';
import { createPiiCodec } from './pii.ts';
import { loadResident, residentPage } from './queries/residents.ts';
import { residentLivingUnder, signupCandidates, type IdentityClaim } from './queries/signup-candidates.ts';
import { peopleRoutes } from './routes.ts';
import { houses, residents } from './schema.ts';
import { peopleStats } from './stats.ts';

/** Base data (实有人口、房屋、法人单位、城市部件): routes and the background import job. */
export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes as ModuleManifest['routes'],
  jobs: importJobs,
  stats: peopleStats,
};
export { seedDemoResidents } from './seed.ts';
/** The identity-number codec, shared with staff rosters (accounts) so both hash numbers alike. */
export { createPiiCodec, type PiiCodec } from './pii.ts';
export { identityProblem } from './rules/identity.ts';

let pickerCodec: { key: string; codec: ReturnType<typeof createPiiCodec> } | null = null;

/**
 * For other modules (services' proxy-booking picker): residents inside the actor's scope found by
 * name, address, or the last 4 characters of the identity number or phone — masked view only.
 */
export async function searchResidentsMasked(db: Queryable, dataKey: string, actor: Actor, q: string, limit = 20) {
  // Keys are derived once per data key, not per search.
  if (pickerCodec?.key !== dataKey) pickerCodec = { key: dataKey, codec: createPiiCodec(dataKey) };
  const page = await residentPage(db, actor, pickerCodec.codec, { q, page: 1, pageSize: limit });
  return page.data.map((r) => ({
    id: r.id,
    name: r.name,
    gender: r.gender,
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    address: r.address,
  }));
}

/** One resident inside the actor's scope (404 outside): what a booking needs to know about them. */
export async function residentInScope(db: Queryable, actor: Actor, id: number) {
  const r = await loadResident(db, actor, id);
  return { id: r.id, name: r.name, scopePath: r.scopePath };
}

/** For real-name verification of self-registered residents (accounts/signup): masked candidates from base data. */
export async function identityCandidates(db: Queryable, dataKey: string, claim: IdentityClaim) {
  if (pickerCodec?.key !== dataKey) pickerCodec = { key: dataKey, codec: createPiiCodec(dataKey) };
  return signupCandidates(db, pickerCodec.codec, claim);
}

/** A base-data resident currently living in the community at `communityPath`, or null. */
export { residentLivingUnder };
export { seedDemoPlaces } from './seed-places.ts';
export { relinkImportFile } from './import/stored-file.ts';

/** The registered address of a house (people_houses), for other modules' records; null when not registered. */
export async function houseAddress(db: Queryable, houseNodeId: number): Promise<string | null> {
  const [row] = await db.select({ address: houses.address }).from(houses).where(eq(houses.houseNodeId, houseNodeId));
  return row?.address ?? null;
}

/**
 * 易办事 terminal: the resident living under `communityPath` whose identity number AND phone
 * match (both compared by keyed hash, never in clear); null otherwise — the caller says no more
 * than "not found", so the terminal cannot be used to probe who lives where.
 */
export async function residentByIdentity(
  db: Queryable,
  dataKey: string,
  claim: { idNumber: string; phone: string; communityPath: string },
) {
  if (pickerCodec?.key !== dataKey) pickerCodec = { key: dataKey, codec: createPiiCodec(dataKey) };
  const codec = pickerCodec.codec;
  const [r] = await db
    .select({ id: residents.id, name: residents.name, scopePath: residents.scopePath, phoneHash: residents.phoneHash })
    .from(residents)
    .where(
      and(
        eq(residents.idHash, codec.lookupHash('id', claim.idNumber)),
        isNull(residents.movedOutOn),
        underPath(residents.scopePath, claim.communityPath),
      ),
    );
  if (!r || r.phoneHash !== codec.lookupHash('phone', claim.phone)) return null;
  return { id: r.id, name: r.name, scopePath: r.scopePath };
}
