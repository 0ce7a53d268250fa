import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/open.ts';
import { withTx } from '../platform/db/tx.ts';
import { orgNodes } from '../modules/org/schema.ts';
import { loadDistrictFixture, type DistrictFixture } from './geo/fixture.ts';
import { seedAccounts, type DemoAccount } from './seed-accounts.ts';
import { seedOrganisations } from './seed-organisations.ts';
import { seedTree, type SeededTree } from './seed-tree.ts';
import { seedCategories, seedDemoCases } from '../modules/cases/index.ts';
import { seedDemoCommitments, seedParty } from '../modules/party/index.ts';
import { seedCommunityLife } from '../modules/services/seed-community-life.ts';
import { seedDemoPlaces, seedDemoResidents } from '../modules/people/index.ts';
import { seedDemoWishes } from '../modules/wishes/index.ts';
import { seedDemoVolunteering } from '../modules/volunteers/index.ts';
import { seedDemoMeetings } from '../modules/meetings/index.ts';
import { seedDemoPatrols } from '../modules/patrols/index.ts';
import { seedDemoParticipation } from '../modules/participation/index.ts';
import { seedDemoContact } from '../modules/contact/index.ts';
import { seedDemoOutreach } from '../modules/outreach/index.ts';
import { seedDemoSchool } from '../modules/school/index.ts';
import { seedDemoCadres } from '../modules/cadres/index.ts';
import { refreshRollups } from '../modules/analytics/refresh.ts';
import { allProviders } from '../modules/analytics/registry.ts';

export interface SeedOptions {
  fixture?: DistrictFixture;
  password: string;
  /** Which streets get house-level detail; default: the first street (the demo accounts' street). */
  housesFor?: (streetIndex: number) => boolean;
  /** Historical cases per street (a year of them); none by default, so tests start from an empty ledger. */
  casesPerStreet?: (streetIndex: number) => number;
  /** Key for encrypting the demo residents' identity numbers; no residents are seeded without it. */
  residentsDataKey?: string;
  /** Houses, components, wishes, volunteering, meetings and 四议两公开 in the demo accounts' community (the demo has them; API tests start without). */
  communityLife?: boolean;
}

export interface SeedResult {
  tree: SeededTree;
  accounts: DemoAccount[];
  nodes: number;
}

/**
 * Seeds the demo district in one transaction, so a start killed half-way leaves nothing
 * and the next start seeds again. Returns null when the database already holds a tree.
 */
export async function seedDemoIfEmpty(db: Db, options: SeedOptions): Promise<SeedResult | null> {
  return withTx(db, async (tx) => {
    // Two instances starting on one empty database: only the first seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(4711)`);
    const [existing] = await tx.select({ id: orgNodes.id }).from(orgNodes).limit(1);
    if (existing) return null;
    const fixture = options.fixture ?? loadDistrictFixture();
    const tree = await seedTree(tx, fixture, options.housesFor ?? ((i) => i === 0));
    const orgs = await seedOrganisations(tx, tree);
    const accounts = await seedAccounts(tx, tree, orgs, options.password);
    await seedCategories(tx);
    await seedParty(tx, tree);
    await seedCommunityLife(tx, tree);
    const demoCommunity = tree.streets[0]?.communities[0];
    if (options.residentsDataKey && demoCommunity)
      await seedDemoResidents(tx, demoCommunity, options.residentsDataKey, tree.district.code);
    // The demo accounts' community gets a life of its own: houses and components, wishes, volunteering, meetings and 四议两公开.
    if (options.communityLife && demoCommunity) {
      await seedDemoPlaces(tx, demoCommunity, options.residentsDataKey ?? 'demo-seed', tree.district.code);
      await seedDemoWishes(tx, demoCommunity);
      await seedDemoVolunteering(tx, demoCommunity);
      await seedDemoMeetings(tx, demoCommunity);
      await seedDemoPatrols(tx, demoCommunity);
      await seedDemoParticipation(tx, demoCommunity);
      await seedDemoContact(tx, demoCommunity);
      await seedDemoCommitments(
        tx,
        demoCommunity.path,
        Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' })),
      );
      await seedDemoOutreach(tx, demoCommunity);
      await seedDemoSchool(tx, demoCommunity);
      await seedDemoCadres(tx, demoCommunity);
    }
    if (options.casesPerStreet)
      await seedDemoCases(
        tx,
        tree,
        tree.streets.map((_, i) => options.casesPerStreet!(i)),
      );
    // The big screen's month figures exist from the first request: rollups built with the seed,
    // not by the first refresh job minutes later (which then only recounts what changed).
    await refreshRollups(tx, allProviders());
    return { tree, accounts, nodes: tree.nodes };
  });
}

/** A small slice of the real district for tests: the first `streets` streets with `communities` communities each. */
export function smallFixture(streets = 2, communities = 2): DistrictFixture {
  const full = loadDistrictFixture();
  return {
    ...full,
    streets: full.streets.slice(0, streets).map((s) => ({ ...s, communities: s.communities.slice(0, communities) })),
  };
}
