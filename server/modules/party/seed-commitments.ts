import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';

const DEMO_COMMITMENTS = [
  '每月参加一次楼道环境整治',
  '结对帮扶一户独居老人，每周上门看望',
  '带头做好垃圾分类，劝导邻里文明养犬',
  '每季度参加一次社区志愿服务',
  '及时收集反映邻里意见建议',
];

/** This year's commitments (亮身份、作承诺) for the members living in a community, for the demo. */
export async function seedDemoCommitments(tx: Tx, communityPath: string, year: number): Promise<void> {
  const texts = `{${DEMO_COMMITMENTS.map((t) => `"${t}"`).join(',')}}`;
  await tx.execute(sql`
    insert into party_commitments (member_id, year, content, state)
    select m.id, ${year}, (${texts}::text[])[1 + m.id % ${DEMO_COMMITMENTS.length}],
      case when m.id % 3 = 0 then 'fulfilled' else 'published' end
    from party_members m
    where m.left_on is null and m.home_path like ${`${communityPath}%`}
      and not exists (select 1 from party_commitments c where c.member_id = m.id and c.year = ${year})`);
}
