import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';

/**
 * The demo community's 党员户 and 一区两员: every member living there shows their home on the wall
 * (the demo `member` account as itself, the others as consents the branch recorded on paper),
 * and each grid is one responsibility zone — its buildings, a member living in the grid as
 * 责任党员 and the grid's worker as 服务专员.
 */
export async function seedDemoOutreach(tx: Tx, community: { id: number; path: string }): Promise<void> {
  const like = `${community.path}%`;
  await tx.execute(sql`
    insert into outreach_households (member_id, user_id, house_node_id, house_path, community_id)
    select m.id, m.user_id, m.home_node_id, m.home_path, ${community.id}
    from party_members m
    where m.left_on is null and m.home_node_id is not null and m.home_path like ${like}
    on conflict do nothing`);
  await tx.execute(sql`
    with grids as (
      select g.id, g.name, g.path from org_nodes g where g.level = 'grid' and g.path like ${like}),
    picks as (
      select g.id as grid_id, g.name, g.path,
        (select m.id from party_members m where m.left_on is null and m.home_path like g.path || '%' order by m.id limit 1) as member_id,
        (select u.id from users u where u.role = 'grid_worker' and u.scope_node_id = g.id order by u.id limit 1) as worker_id
      from grids g)
    insert into outreach_zones (community_id, community_path, name, responsibility_member_id, service_user_id, created_by)
    select ${community.id}, ${community.path}, p.name || '责任区', p.member_id, p.worker_id,
      (select id from users where username = 'secretary')
    from picks p where p.member_id is not null and p.worker_id is not null
    on conflict do nothing`);
  await tx.execute(sql`
    insert into outreach_zone_buildings (building_node_id, zone_id, building_path)
    select b.id, z.id, b.path
    from outreach_zones z
    join org_nodes g on g.level = 'grid' and g.name || '责任区' = z.name and g.path like ${like}
    join org_nodes b on b.level = 'building' and b.path like g.path || '%'
    where z.community_id = ${community.id}
    on conflict do nothing`);
}
