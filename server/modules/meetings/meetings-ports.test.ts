import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test/test-app.ts';
import { addAgendaItem } from './commands/add-agenda-item.ts';
import { addInvitees } from './commands/add-invitees.ts';
import { addResolution } from './commands/add-resolution.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { markAttendance } from './commands/mark-attendance.ts';
import { recordMinutes } from './commands/record-minutes.ts';
import type { AgendaCase, CasesPort, PointsPort } from './ports.ts';
import { actorFor } from './test-actor.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('meetings with the cases and party ports', () => {
  it('puts an on-agenda case on the agenda, sends it back to its loop with the resolution, and awards attendance points once', async () => {
    const secretary = await actorFor(ctx, 'secretary');
    const communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
    const waiting: AgendaCase[] = [
      { id: 41, title: '楼道堆物占道', categoryName: '市容环境', communityId, reportedAt: new Date() },
    ];
    const applied: { caseId: number; resolution: string; meetingId: number }[] = [];
    const cases: CasesPort = {
      listCasesForAgenda: async () => waiting,
      applyMeetingResolution: async (tx, _actor, caseId, input) => {
        await tx.execute('select 1');
        applied.push({ caseId, ...input });
      },
    };
    const awarded: number[] = [];
    const points: PointsPort = {
      awardPoints: async (_tx, input) => {
        awarded.push(input.memberUserId);
      },
    };

    const meeting = await createMeeting(ctx.db, secretary, {
      nodeId: communityId,
      type: 'joint',
      title: '联席会议',
      startsAt: '2026-03-01T09:00:00+08:00',
      place: '会议室',
    });
    const item = await addAgendaItem(ctx.db, secretary, meeting.id, { source: 'case', caseId: 41 }, cases);
    expect(item).toMatchObject({ source: 'case', caseId: 41, title: '楼道堆物占道' });
    await expect(
      addAgendaItem(ctx.db, secretary, meeting.id, { source: 'case', caseId: 99 }, cases),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const member = await actorFor(ctx, 'member');
    await addInvitees(ctx.db, secretary, meeting.id, { users: [{ userId: member.userId }], units: [] });
    const {
      rows: [inv],
    } = await ctx.pool.query(`select id from meeting_invitees where meeting_id = $1`, [meeting.id]);
    await markAttendance(
      ctx.db,
      secretary,
      meeting.id,
      { marks: [{ inviteeId: inv.id, attendance: 'signed_in' }] },
      points,
    );
    await markAttendance(
      ctx.db,
      secretary,
      meeting.id,
      { marks: [{ inviteeId: inv.id, attendance: 'signed_in' }] },
      points,
    );
    expect(awarded).toEqual([member.userId]);

    await recordMinutes(ctx.db, secretary, meeting.id, '议定由物业三日内清理');
    await addResolution(
      ctx.db,
      secretary,
      meeting.id,
      { agendaItemId: item.id, text: '物业三日内清理楼道', ownerName: '物业经理', dueOn: '2026-03-04' },
      cases,
    );
    expect(applied).toEqual([{ caseId: 41, resolution: '物业三日内清理楼道', meetingId: meeting.id }]);
    await expect(
      addResolution(
        ctx.db,
        secretary,
        meeting.id,
        { agendaItemId: item.id, text: '再议', ownerName: '甲', dueOn: '2026-03-05' },
        cases,
      ),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('rolls back the resolution when the cases module refuses the transition', async () => {
    const secretary = await actorFor(ctx, 'secretary');
    const communityId = ctx.seed.tree.streets[0]!.communities[0]!.id;
    const cases: CasesPort = {
      listCasesForAgenda: async () => [
        { id: 7, title: '噪音扰民', categoryName: '治安', communityId, reportedAt: new Date() },
      ],
      applyMeetingResolution: async () => {
        throw new Error('case not on agenda');
      },
    };
    const meeting = await createMeeting(ctx.db, secretary, {
      nodeId: communityId,
      type: 'neighbourhood_talk',
      title: '恳谈会',
      startsAt: '2026-03-02T19:00:00+08:00',
      place: '驿站',
    });
    const item = await addAgendaItem(ctx.db, secretary, meeting.id, { source: 'case', caseId: 7 }, cases);
    await recordMinutes(ctx.db, secretary, meeting.id, '纪要');
    await expect(
      addResolution(
        ctx.db,
        secretary,
        meeting.id,
        { agendaItemId: item.id, text: '限时施工', ownerName: '城管', dueOn: '2026-03-10' },
        cases,
      ),
    ).rejects.toThrow();
    const { rows } = await ctx.pool.query(`select count(*)::int as n from resolutions where meeting_id = $1`, [
      meeting.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
