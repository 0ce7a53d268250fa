import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { deliverToInhabitants, shouldReceive } from './hub.ts';

const actor = (role: Actor['role'], scopePath: string | null, extra: Partial<Actor> = {}): Actor => ({
  userId: 7,
  username: 'u',
  displayName: 'u',
  role,
  scopeNodeId: 1,
  scopePath,
  departmentId: null,
  restriction: null,
  ...extra,
});
const event = (topic: string, scopePath: string | null, extra: { userId?: number; departmentId?: number } = {}) => ({
  id: 1,
  at: new Date(),
  topic,
  scopePath,
  departmentId: extra.departmentId ?? null,
  userId: extra.userId ?? null,
  payload: {},
});

describe('who hears a live event', () => {
  const building = '/1/2/3/4/5/6/';
  const house = `${building}77/`;

  it('reaches staff covering the area, never residents by area alone', () => {
    expect(shouldReceive(actor('community_staff', '/1/2/3/'), event('case.changed', building))).toBe(true);
    expect(shouldReceive(actor('community_staff', '/1/2/9/'), event('case.changed', building))).toBe(false);
    expect(shouldReceive(actor('resident', house), event('case.changed', building))).toBe(false);
  });

  it('reaches the people living under the area for topics that ask for it, and no one beside', () => {
    deliverToInhabitants('board.test');
    expect(shouldReceive(actor('resident', house), event('board.test', building))).toBe(true);
    expect(shouldReceive(actor('resident', '/1/2/3/4/5/8/90/'), event('board.test', building))).toBe(false);
    expect(shouldReceive(actor('resident', house), event('case.changed', building))).toBe(false);
  });

  it('a named user or a department gets only what names them', () => {
    expect(shouldReceive(actor('resident', house), event('booking.changed', null, { userId: 7 }))).toBe(true);
    expect(shouldReceive(actor('community_staff', '/1/'), event('booking.changed', '/1/2/', { userId: 8 }))).toBe(
      false,
    );
    expect(
      shouldReceive(
        actor('department_handler', null, { departmentId: 3 }),
        event('case.changed', '/1/2/', { departmentId: 3 }),
      ),
    ).toBe(true);
  });
});
