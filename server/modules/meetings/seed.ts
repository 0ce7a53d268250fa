import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/tx.ts';
import {
  agendaItems,
  decisionSteps,
  decisions,
  meetingInvitees,
  meetings,
  resolutions,
  type MeetingType,
} from './schema.ts';

const DAY = 86_400_000;
/** When each step was recorded (days from now): after the meeting that took it. */
const STEP_DAYS = [-25, -19, -11, -5, -4, -1];
type Person = { id: number; name: string };

function at(now: Date, days: number, hour: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  // Shanghai is UTC+8 all year: `hour` o'clock local time.
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d;
}

/**
 * Meetings of the demo community (held ones with minutes, attendance and a resolution; a planned
 * one) and two 四议两公开 records: one finished and published, one half-way through.
 */
export async function seedDemoMeetings(
  tx: Tx,
  community: { id: number; path: string; name: string },
  now = new Date(),
): Promise<number> {
  const r = await tx.execute<{ id: number; username: string; display_name: string }>(sql`
    select u.id, u.username, u.display_name from users u join org_nodes n on n.id = u.scope_node_id
    where n.path like ${community.path + '%'} and u.username in ('secretary','staff','member','gridworker','property','counit')`);
  const people = new Map<string, Person>(r.rows.map((u) => [u.username, { id: Number(u.id), name: u.display_name }]));
  const secretary = people.get('secretary');
  if (!secretary) return 0;
  const invitees = [...people.values()];

  const addMeeting = async (type: MeetingType, title: string, days: number, place: string, minutes: string | null) => {
    const held = minutes !== null;
    const [m] = await tx
      .insert(meetings)
      .values({
        communityId: community.id,
        nodeId: community.id,
        scopePath: community.path,
        type,
        title,
        startsAt: at(now, days, 14),
        place,
        status: held ? 'held' : 'planned',
        minutes,
        createdBy: secretary.id,
        createdAt: at(now, days - 7, 9),
      })
      .returning({ id: meetings.id });
    await tx.insert(meetingInvitees).values(
      invitees.map((p, i) => ({
        meetingId: m!.id,
        userId: p.id,
        displayName: p.name,
        attendance: held
          ? i === invitees.length - 1 && invitees.length > 2
            ? ('excused' as const)
            : ('signed_in' as const)
          : ('pending' as const),
        markedAt: held ? at(now, days, 14) : null,
      })),
    );
    return m!.id;
  };

  const joint = await addMeeting(
    'joint',
    `${community.name}党建联席会议（第三季度）`,
    -20,
    '社区党群服务中心会议室',
    '通报三季度网格工作；议定加装电梯意见征集方案与老旧小区停车整治。',
  );
  const [item] = await tx
    .insert(agendaItems)
    .values({
      meetingId: joint,
      position: 1,
      source: 'typed',
      title: '老旧小区停车秩序整治',
      description: '非机动车乱停放、消防通道被占。',
      proposedBy: secretary.id,
    })
    .returning({ id: agendaItems.id });
  await tx.insert(resolutions).values({
    meetingId: joint,
    agendaItemId: item!.id,
    scopePath: community.path,
    text: '物业在两周内划定非机动车停放区并安装充电桩',
    ownerUserId: people.get('property')?.id ?? secretary.id,
    ownerName: people.get('property')?.name ?? secretary.name,
    dueOn: at(now, 5, 12).toISOString().slice(0, 10),
  });
  const partyMeeting = await addMeeting(
    'party_members',
    '社区党员大会',
    -12,
    '社区党群服务中心',
    '审议加装电梯补助方案，表决通过。',
  );
  const reps = await addMeeting('representatives', '居民代表会议', -6, '社区议事厅', '居民代表表决加装电梯补助方案。');
  await addMeeting('neighbourhood_talk', '邻里恳谈会：楼道堆物清理', 4, '3 号楼架空层', null);

  const addDecision = async (
    title: string,
    summary: string,
    steps: { note: string; meetingId?: number; votes?: [number, number, number] }[],
    status: 'in_progress' | 'completed',
  ) => {
    const [d] = await tx
      .insert(decisions)
      .values({
        communityId: community.id,
        scopePath: community.path,
        title,
        summary,
        stepsDone: steps.length,
        status,
        createdBy: secretary.id,
        createdAt: at(now, -25, 10),
      })
      .returning({ id: decisions.id });
    const kinds = [
      'proposal',
      'committees',
      'party_members',
      'representatives',
      'resolution_published',
      'result_published',
    ] as const;
    await tx.insert(decisionSteps).values(
      steps.map((s, i) => ({
        decisionId: d!.id,
        step: i + 1,
        kind: kinds[i]!,
        meetingId: s.meetingId ?? null,
        note: s.note,
        recordedBy: secretary.id,
        votesFor: s.votes?.[0] ?? null,
        votesAgainst: s.votes?.[1] ?? null,
        votesAbstain: s.votes?.[2] ?? null,
        recordedAt: at(now, STEP_DAYS[i]!, 16),
      })),
    );
  };
  await addDecision(
    '既有住宅加装电梯补助方案',
    '对 2000 年前建成的多层住宅加装电梯给予每台 10 万元补助，居民出资部分按楼层分摊。',
    [
      { note: '社区党组织提议，经居民意见征集形成方案' },
      { note: '党建联席会议商议通过', meetingId: joint, votes: [9, 0, 1] },
      { note: '党员大会审议通过', meetingId: partyMeeting, votes: [38, 2, 3] },
      { note: '居民代表会议决议通过', meetingId: reps, votes: [27, 3, 2] },
      { note: '决议在社区公示栏与线上公开 7 天' },
      { note: '首批 3 台电梯已开工，实施结果公开' },
    ],
    'completed',
  );
  await addDecision(
    '社区公共收益使用计划',
    '将广告位与停车位收益用于楼道照明改造和老年助餐。',
    [{ note: '居委会提议' }, { note: '党建联席会议商议通过', meetingId: joint, votes: [8, 1, 1] }],
    'in_progress',
  );
  return 4;
}
