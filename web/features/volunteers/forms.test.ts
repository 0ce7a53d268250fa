import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { activityBody, teamBody } from './forms';

describe('activityBody', () => {
  it('sends the range as startsAt/endsAt on the minute, trimmed text, no team when none is chosen', () => {
    const body = activityBody({ communityId: 7, teamId: null, title: ' 红色星期六 ', place: ' 社区广场 ', capacity: 30,
      time: [dayjs('2026-12-05T09:00:42.123+08:00'), dayjs('2026-12-05T11:30:05+08:00')] });
    expect(body).toEqual({ communityId: 7, title: '红色星期六', place: '社区广场', capacity: 30, startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:30:00.000Z' });
    expect(activityBody({ communityId: 7, teamId: 3, title: 'a', place: 'b', capacity: 1, time: [dayjs(), dayjs()] }).teamId).toBe(3);
  });
});

describe('teamBody', () => {
  it('creates with a community and an optional leader; editing can remove the leader', () => {
    expect(teamBody({ communityId: 7, name: ' 党员志愿先锋队 ' }, false)).toEqual({ communityId: 7, name: '党员志愿先锋队' });
    expect(teamBody({ communityId: 7, name: '先锋队', leaderUserId: 12 }, false)).toEqual({ communityId: 7, name: '先锋队', leaderUserId: 12 });
    expect(teamBody({ communityId: 7, name: '先锋队', leaderUserId: undefined }, true)).toEqual({ name: '先锋队', leaderUserId: null });
  });
});
