import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import {
  consultationComments,
  consultations,
  portalIntros,
  surveyResponses,
  surveys,
  voteBallots,
  voteChoices,
  voteProjects,
  voteRounds,
} from './schema.ts';

const DAY = 86_400_000;
const PARTICIPANTS = ['resident', 'member', 'volunteer', 'leader'];

/**
 * 居民参与 in the demo community (路南社区): the portal's introduction, an open consultation on a
 * plan with two comments, an open survey with a few answers, an open vote round on micro-projects
 * and a finished one whose results the portal shows (with a tie).
 */
export async function seedDemoParticipation(
  tx: Tx,
  community: { id: number; path: string; name: string },
  now = new Date(),
): Promise<void> {
  const r = await tx.execute<{ id: number; username: string; display_name: string }>(sql`
    select u.id, u.username, u.display_name from users u join org_nodes n on n.id = u.scope_node_id
    where n.path like ${community.path + '%'} and u.username in ('secretary', 'resident', 'member', 'volunteer', 'leader')`);
  const user = new Map(r.rows.map((u) => [u.username, { id: Number(u.id), name: u.display_name }]));
  const secretary = user.get('secretary');
  if (!secretary) return;
  const residents = PARTICIPANTS.map((u) => user.get(u)).filter((u) => u !== undefined);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const base = { communityId: community.id, scopePath: community.path, createdBy: secretary.id };

  await tx.insert(portalIntros).values({
    communityId: community.id,
    updatedBy: secretary.id,
    intro: `${community.name}坚持党建引领，推行“四议两公开”和居民议事，欢迎居民通过本网站了解社区公开事项、参与征求意见和微项目投票。`,
  });

  const [plan] = await tx
    .insert(consultations)
    .values({
      ...base,
      title: '老旧小区加装电梯及停车位改造方案征求意见',
      body: '为改善居民出行条件，社区拟在 3 号、5 号楼加装电梯，并将小区东侧绿化带改造为 24 个停车位。现将方案公示，请居民在截止日前提出意见和建议。',
      opensAt: at(-3),
      closesAt: at(11),
    })
    .returning({ id: consultations.id });
  const comments = ['支持加装电梯，建议一楼住户的补偿标准提前公示。', '停车位改造请保留部分绿化，避开老人活动区域。'];
  await tx.insert(consultationComments).values(
    residents.slice(0, 2).map((u, i) => ({
      consultationId: plan!.id,
      authorUserId: u.id,
      authorName: u.name,
      body: comments[i]!,
      createdAt: at(-2 + i),
    })),
  );

  const [survey] = await tx
    .insert(surveys)
    .values({
      ...base,
      title: '社区服务满意度与需求调查',
      intro: '请花 2 分钟填写，帮助社区改进服务。',
      questions: [
        {
          kind: 'single',
          title: '您对社区服务总体是否满意？',
          options: ['满意', '基本满意', '不满意'],
          required: true,
        },
        {
          kind: 'multiple',
          title: '您最希望增加哪些服务？',
          options: ['老年食堂', '托育服务', '健身场地', '便民维修'],
          required: true,
        },
        { kind: 'text', title: '其他意见和建议', options: [], required: false },
      ],
      opensAt: at(-5),
      closesAt: at(25),
    })
    .returning({ id: surveys.id });
  const answers: (number | number[] | string | null)[][] = [
    [0, [0, 3], '希望周末也有便民维修'],
    [1, [0, 1], null],
    [0, [2], null],
  ];
  await tx
    .insert(surveyResponses)
    .values(
      residents.slice(0, answers.length).map((u, i) => ({ surveyId: survey!.id, userId: u.id, answers: answers[i]! })),
    );

  await seedRound(tx, base, residents, {
    title: '2026 年度社区微项目投票',
    description: '社区惠民资金 10 万元，每位居民可投 2 票，每个项目 1 票。',
    opensAt: at(-1),
    closesAt: at(13),
    close: false,
    projects: [
      ['楼道照明改造', 30_000, '更换 12 个楼道的声控灯为人体感应灯。'],
      ['口袋公园座椅', 20_000, '在小区口袋公园增设 10 组休息座椅。'],
      ['电动自行车充电棚', 60_000, '建设 2 处集中充电棚，消除飞线充电隐患。'],
      ['社区图书角', 15_000, '在党群服务中心设立共享图书角。'],
    ],
    ballots: [[0, 2], [2]],
  });
  await seedRound(tx, base, residents, {
    title: '2026 年上半年微项目投票',
    description: '已结束，结果公示。',
    opensAt: at(-60),
    closesAt: at(30),
    close: true,
    projects: [
      ['儿童游乐设施维修', 40_000, '维修更换小区儿童滑梯与秋千。'],
      ['垃圾分类亭升级', 35_000, '升级 3 处垃圾分类亭并加装洗手池。'],
      ['健身步道翻新', 35_000, '翻新 400 米健身步道。'],
    ],
    ballots: [[0, 1], [0, 2], [1], [2]],
    budgetCapYuan: 100_000,
  });
}

/** A round with its ballots; a finished one is closed after its ballots went in (closed rounds take none). */
async function seedRound(
  tx: Tx,
  base: { communityId: number; scopePath: string; createdBy: number },
  residents: { id: number }[],
  round: {
    title: string;
    description: string;
    opensAt: Date;
    closesAt: Date;
    close: boolean;
    projects: [string, number, string][];
    ballots: number[][];
    budgetCapYuan?: number;
  },
) {
  const [row] = await tx
    .insert(voteRounds)
    .values({
      ...base,
      title: round.title,
      description: round.description,
      votesPerResident: 2,
      budgetCapYuan: round.budgetCapYuan ?? 100_000,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
    })
    .returning({ id: voteRounds.id });
  const projects = await tx
    .insert(voteProjects)
    .values(
      round.projects.map(([title, budgetYuan, description]) => ({ roundId: row!.id, title, budgetYuan, description })),
    )
    .returning({ id: voteProjects.id });
  for (const [i, choice] of round.ballots.entries()) {
    const voter = residents[i];
    if (!voter) break;
    const [ballot] = await tx
      .insert(voteBallots)
      .values({ roundId: row!.id, userId: voter.id })
      .returning({ id: voteBallots.id });
    await tx
      .insert(voteChoices)
      .values(choice.map((p) => ({ ballotId: ballot!.id, roundId: row!.id, projectId: projects[p]!.id })));
  }
  if (round.close) await tx.update(voteRounds).set({ closedAt: new Date() }).where(eq(voteRounds.id, row!.id));
}
