import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTx } from '../../platform/db/tx.ts';
import { createTestApp, loginAs, type Session, type TestContext } from '../../test/test-app.ts';
import { orgNodes } from '../org/schema.ts';
import { partyCommitments, partyMembers } from './schema.ts';
import { seedParty } from './seed.ts';

let ctx: TestContext;
let home: { id: number; level: string };
let memberName: string;

beforeAll(async () => {
  ctx = await createTestApp();
  await withTx(ctx.db, (tx) => seedParty(tx, ctx.seed.tree));
  const [m] = await ctx.db
    .select()
    .from(partyMembers)
    .where(
      eq(
        partyMembers.name,
        (await ctx.pool.query(`select display_name from users where username = 'member'`)).rows[0].display_name,
      ),
    );
  memberName = m!.name;
  const [homeRow] = await ctx.db
    .select({ id: orgNodes.id, level: orgNodes.level })
    .from(orgNodes)
    .where(eq(orgNodes.id, m!.homeNodeId!));
  home = homeRow!;
  await ctx.db.insert(partyCommitments).values({ memberId: m!.id, year: 2026, content: '每月参加一次楼道清洁' });
});
afterAll(async () => {
  await ctx.close();
});

const get = (s: Session | null, id: number) =>
  ctx.app.inject({ method: 'GET', url: `/api/party/households/${id}`, headers: s?.headers ?? {} });

describe('party-member households (党员户)', () => {
  it('are houses: the demo members live in houses of their grid', () => {
    expect(home.level).toBe('house');
  });

  it('show residents of the same community who lives there as a member and what they promised', async () => {
    const res = await get(await loginAs(ctx.app, 'resident'), home.id);
    expect(res.statusCode).toBe(200);
    const household = res.json().data as { name: string; commitments: { content: string }[] }[];
    expect(household).toEqual([
      { name: memberName, commitments: [{ year: 2026, content: '每月参加一次楼道清洁', state: 'published' }] },
    ]);
  });

  it('stay hidden from accounts outside the community, and a house without members is an empty list', async () => {
    const c1 = ctx.seed.tree.streets[0]!.communities[0]!;
    const otherCommunity = ctx.seed.tree.streets[1]!.communities[0]!;
    const [foreignHouse] = (
      await ctx.pool.query(`select id from org_nodes where level = 'house' and path like $1 limit 1`, [
        `%/${otherCommunity.id}/%`,
      ])
    ).rows;
    expect((await get(await loginAs(ctx.app, 'resident'), foreignHouse.id)).statusCode).toBe(404);
    const [plainHouse] = (
      await ctx.pool.query(
        `select n.id from org_nodes n where n.level = 'house' and n.path like $1
      and not exists (select 1 from party_members m where m.home_node_id = n.id) limit 1`,
        [`%/${c1.id}/%`],
      )
    ).rows;
    const res = await get(await loginAs(ctx.app, 'staff'), plainHouse.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
  });
});
