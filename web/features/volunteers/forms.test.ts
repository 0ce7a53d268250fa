import { describe, expect, it } from 'vitest';
import { pickerDate, pickerNow } from '../../shared/time';
import { activityBody, teamBody } from './forms';

describe('activityBody', () => {
  it('sends the picked range as Shanghai times on the minute, trimmed text, no team when none is chosen', () => {
    // What the picker shows (09:00 and 11:30) is Shanghai time, though these tests run with TZ=UTC.
    const body = activityBody({
      communityId: 7,
      teamId: null,
      title: ' 红色星期六 ',
      place: ' 社区广场 ',
      capacity: 30,
      time: [pickerDate('2026-12-05T09:00:42.123'), pickerDate('2026-12-05T11:30:05')],
    });
    expect(body).toEqual({
      communityId: 7,
      title: '红色星期六',
      place: '社区广场',
      capacity: 30,
      startsAt: '2026-12-05T09:00:00+08:00',
      endsAt: '2026-12-05T11:30:00+08:00',
    });
    expect(new Date(body.startsAt).toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(
      activityBody({ communityId: 7, teamId: 3, title: 'a', place: 'b', capacity: 1, time: [pickerNow(), pickerNow()] })
        .teamId,
    ).toBe(3);
  });
});

describe('teamBody', () => {
  it('creates with a community and an optional leader; editing can remove the leader', () => {
    expect(teamBody({ communityId: 7, name: ' 党员志愿先锋队 ' }, false)).toEqual({
      communityId: 7,
      name: '党员志愿先锋队',
    });
    expect(teamBody({ communityId: 7, name: '先锋队', leaderUserId: 12 }, false)).toEqual({
      communityId: 7,
      name: '先锋队',
      leaderUserId: 12,
    });
    expect(teamBody({ communityId: 7, name: '先锋队', leaderUserId: undefined }, true)).toEqual({
      name: '先锋队',
      leaderUserId: null,
    });
  });
});
