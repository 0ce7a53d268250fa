import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';

const OPINIONS = [
  '楼道声控灯坏了，晚上上下楼不方便',
  '希望小区增设电动车充电桩',
  '家中老人行动不便，希望能上门办理高龄津贴',
  '楼下垃圾分类点气味较大，建议增加清运次数',
  '小区健身器材有松动，存在安全隐患',
  '孩子放学后无人照看，希望社区开办四点半课堂',
];

/**
 * 包保联户 in the demo community (路南社区): 15 visiting rounds over the current year (24 days
 * each), every house kept by one of the demo contacts (party member, grid worker, staff,
 * secretary), and visits in the rounds that have begun — about four in five households in a
 * past round, fewer in the current one — some with opinions. Deterministic (no randomness), so
 * every fresh demo looks alike.
 */
export async function seedDemoContact(tx: Tx, community: { id: number; path: string }): Promise<void> {
  const like = `${community.path}%`;
  const opinions = `{${OPINIONS.map((o) => `"${o}"`).join(',')}}`;
  await tx.execute(sql`
    insert into contact_rounds (community_id, community_path, no, title, starts_on, ends_on, created_by)
    select ${community.id}, ${community.path}, i, '第' || i || '轮入户走访',
      make_date(extract(year from now() at time zone 'Asia/Shanghai')::int, 1, 1) + (i - 1) * 24,
      make_date(extract(year from now() at time zone 'Asia/Shanghai')::int, 1, 1) + (i - 1) * 24 + 23,
      (select id from users where username = 'secretary')
    from generate_series(1, 15) as i
    on conflict do nothing`);
  await tx.execute(sql`
    with contacts as (
      select id, row_number() over (order by id) - 1 as k from users
      where username in ('member', 'gridworker', 'staff', 'secretary')),
    hs as (
      select id, path, (row_number() over (order by path) - 1) as rn from org_nodes
      where level = 'house' and path like ${like})
    insert into contact_assignments (house_node_id, house_path, community_id, contact_user_id, assigned_by)
    select hs.id, hs.path, ${community.id}, c.id, (select id from users where username = 'secretary')
    from hs join contacts c on c.k = hs.rn % (select count(*) from contacts)
    on conflict do nothing`);
  await tx.execute(sql`
    with today as (select (now() at time zone 'Asia/Shanghai')::date as d),
    plan as (
      select r.id as round_id, r.no, r.starts_on, least(r.ends_on, (select d from today)) as last_day,
        r.ends_on < (select d from today) as past,
        a.house_node_id, a.house_path, a.contact_user_id,
        row_number() over (partition by r.id order by a.house_path) as rn
      from contact_rounds r join contact_assignments a on a.community_id = r.community_id
      where r.community_id = ${community.id} and r.starts_on <= (select d from today))
    insert into contact_visits (round_id, house_node_id, house_path, visitor_user_id, visited_on, met_name, note)
    select p.round_id, p.house_node_id, p.house_path, p.contact_user_id,
      least(p.starts_on + (p.rn % 20)::int, p.last_day),
      coalesce(h.owner_name, '户主'), '宣传政策，了解家庭近况'
    from plan p left join people_houses h on h.house_node_id = p.house_node_id
    where (p.rn + p.no) % 10 < case when p.past then 8 else 4 end
      and p.starts_on + (p.rn % 20)::int <= p.last_day`);
  await tx.execute(sql`
    insert into contact_opinions (visit_id, text)
    select v.id, (${opinions}::text[])[1 + v.id % ${OPINIONS.length}]
    from contact_visits v join contact_rounds r on r.id = v.round_id
    where r.community_id = ${community.id} and v.id % 7 = 0`);
}
