import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.ts';
import { ROLE_LABELS } from '../../contracts/roles.ts';
import type { Tx } from '../platform/db/tx.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { users } from '../modules/accounts/schema.ts';
import { createRng, hashSeed } from './geo/prng.ts';
import { demoPhone, personName } from './names.ts';
import type { SeededOrganisations } from './seed-organisations.ts';
import type { SeededTree } from './seed-tree.ts';

export interface DemoAccount {
  username: string;
  role: Role;
  roleLabel: string;
  displayName: string;
  scope: string;
}

/**
 * The demo accounts a newcomer logs in with, plus one grid worker per grid. Every demo
 * account shares one password, so it is hashed once: argon2 is deliberately slow, and a
 * thousand grid workers would otherwise add a minute to the first start.
 */
export async function seedAccounts(
  tx: Tx,
  tree: SeededTree,
  orgs: SeededOrganisations,
  password: string,
): Promise<DemoAccount[]> {
  const rng = createRng(hashSeed('accounts', tree.district.code));
  const passwordHash = await hashPassword(password);
  const street = tree.streets[0]!;
  const community = street.communities[0]!;
  const grid = community.grids[0]!;
  const house = grid.buildingIds[0]!;
  const urbanManagement = orgs.departmentIds.get(`urban_management@${street.id}`) ?? null;
  const named: {
    username: string;
    role: Role;
    scopeNodeId: number;
    scopeName: string;
    departmentId?: number | null;
    coUnitId?: number | null;
  }[] = [
    { username: 'admin', role: 'district_admin', scopeNodeId: tree.district.id, scopeName: tree.district.name },
    { username: 'street', role: 'street_admin', scopeNodeId: street.id, scopeName: street.name },
    { username: 'secretary', role: 'community_secretary', scopeNodeId: community.id, scopeName: community.name },
    { username: 'staff', role: 'community_staff', scopeNodeId: community.id, scopeName: community.name },
    { username: 'gridworker', role: 'grid_worker', scopeNodeId: grid.id, scopeName: `${community.name}${grid.name}` },
    { username: 'leader', role: 'building_leader', scopeNodeId: house, scopeName: `${grid.name}楼栋` },
    { username: 'member', role: 'party_member', scopeNodeId: grid.id, scopeName: `${community.name}${grid.name}` },
    { username: 'volunteer', role: 'volunteer', scopeNodeId: community.id, scopeName: community.name },
    { username: 'resident', role: 'resident', scopeNodeId: house, scopeName: `${grid.name}楼栋` },
    {
      username: 'dept',
      role: 'department_handler',
      scopeNodeId: street.id,
      scopeName: street.name,
      departmentId: urbanManagement,
    },
    { username: 'property', role: 'property_company', scopeNodeId: community.id, scopeName: community.name },
    // The contact of the first co-building unit (区供电公司), which sends the demo community's in-service members.
    {
      username: 'counit',
      role: 'co_unit_contact',
      scopeNodeId: community.id,
      scopeName: community.name,
      coUnitId: orgs.coUnitIds[0] ?? null,
    },
    // The 易办事 self-service terminal in the community's service hall (opens /kiosk full screen).
    { username: 'kiosk', role: 'kiosk', scopeNodeId: community.id, scopeName: `${community.name}党群服务中心` },
  ];
  let phoneSeq = 0;
  const accounts: DemoAccount[] = [];
  const rows: (typeof users.$inferInsert)[] = [];
  for (const a of named) {
    const displayName = a.username === 'gridworker' ? personName(rng) : `${personName(rng)}`;
    rows.push({
      username: a.username,
      displayName,
      passwordHash,
      role: a.role,
      scopeNodeId: a.scopeNodeId,
      departmentId: a.departmentId ?? null,
      coUnitId: a.coUnitId ?? null,
      phone: demoPhone(phoneSeq++),
    });
    accounts.push({
      username: a.username,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      displayName,
      scope: a.scopeName,
    });
  }
  // Every other grid gets its own full-time grid worker (username: gw + grid code).
  for (const s of tree.streets)
    for (const c of s.communities)
      for (const g of c.grids) {
        if (g.id === grid.id) continue;
        rows.push({
          username: `gw${g.code}`,
          displayName: personName(rng),
          passwordHash,
          role: 'grid_worker',
          scopeNodeId: g.id,
          phone: demoPhone(phoneSeq++),
        });
      }
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(users).values(rows.slice(i, i + 1000));
  // 一格一员: each seeded grid worker holds their grid's open assignment (the migration's backfill
  // ran on an empty table, before the seed).
  await tx.execute(sql`
    insert into grid_assignments (grid_node_id, user_id, started_at)
    select distinct on (u.scope_node_id) u.scope_node_id, u.id, u.created_at
    from users u join org_nodes n on n.id = u.scope_node_id and n.level = 'grid'
    where u.role = 'grid_worker' and u.disabled_at is null
    order by u.scope_node_id, u.id
    on conflict do nothing`);
  return accounts;
}
