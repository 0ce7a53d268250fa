import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/roles.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { mayReportAs } from './commands/report-case.ts';
import { canImportHotline } from './policy.ts';

const actor = (role: Actor['role']) =>
  ({
    userId: 1,
    username: role,
    displayName: role,
    role,
    scopeNodeId: 3,
    scopePath: '/1/2/3/',
    departmentId: null,
  }) as Actor;
/** The staff who register callers' cases: only they import 12345 work orders. */
const IMPORTERS = new Set(['district_admin', 'street_admin', 'community_secretary', 'community_staff']);

describe('who may import hotline work orders', () => {
  for (const role of ROLES) {
    it(`${role}: ${IMPORTERS.has(role) ? 'may' : 'may not'}`, () => {
      expect(canImportHotline(actor(role))).toBe(IMPORTERS.has(role));
      // Whoever may import may also register each row under the hotline source.
      if (IMPORTERS.has(role)) expect(mayReportAs(actor(role), 'hotline')).toBe(true);
    });
  }
});
