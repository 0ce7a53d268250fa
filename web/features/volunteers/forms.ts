import type { Dayjs } from 'dayjs';
import type { ActivityBody } from './api';
import { fromPicker } from '../../shared/time';

/** The activity form's values: one time range picker stands for the server's startsAt/endsAt. */
export interface ActivityFormValues {
  communityId: number;
  teamId?: number | null;
  title: string;
  place: string;
  time: [Dayjs, Dayjs];
  capacity: number;
}

export const ACTIVITY_FIELDS = ['communityId', 'teamId', 'title', 'place', 'time', 'capacity'] as const;
/** Server fields shown on another form field (the refine on endsAt belongs to the range). */
export const ACTIVITY_ALIASES = { startsAt: 'time', endsAt: 'time' };

export function activityBody(v: ActivityFormValues): ActivityBody {
  return {
    communityId: v.communityId,
    ...(v.teamId ? { teamId: v.teamId } : {}),
    title: v.title.trim(),
    place: v.place.trim(),
    startsAt: fromPicker(v.time[0].second(0).millisecond(0)),
    endsAt: fromPicker(v.time[1].second(0).millisecond(0)),
    capacity: v.capacity,
  };
}

export interface TeamFormValues {
  communityId: number;
  name: string;
  leaderUserId?: number | null;
}
export const TEAM_FIELDS = ['communityId', 'name', 'leaderUserId'] as const;

/** Creating sends only a chosen leader; editing sends null to remove one. */
export function teamBody(v: TeamFormValues, editing: boolean) {
  const leader = v.leaderUserId ?? null;
  return editing
    ? { name: v.name.trim(), leaderUserId: leader }
    : { communityId: v.communityId, name: v.name.trim(), ...(leader ? { leaderUserId: leader } : {}) };
}
