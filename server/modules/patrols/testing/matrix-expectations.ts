/**
 * Expected statuses of the joint patrol matrix (patrols-matrix.test.ts). Columns are three plans:
 * in the demo community (members: dept, gridworker), in another community of the same street and
 * in a community of the other street (members: those communities' grid workers).
 */
import { DEMO_ACCOUNTS, type DemoAccount } from '../../../test/demo-accounts.ts';
export const ROLES = DEMO_ACCOUNTS;
export type Role = DemoAccount;
export type Three = [number, number, number];

const table = (given: Partial<Record<Role, Three>>, rest: Three) =>
  Object.fromEntries(ROLES.map((r) => [r, given[r] ?? rest])) as Record<Role, Three>;
const NO_ABILITY: Three = [403, 403, 403];

/** POST /api/patrols over each plan's community: planners within their scope. */
export const CREATE = table(
  {
    admin: [201, 201, 201],
    street: [201, 201, 404],
    secretary: [201, 404, 404],
  },
  NO_ABILITY,
);

/** GET /api/patrols/:id (and its figures): planners over it and its members; other patrol staff 404. */
export const READ = table(
  {
    admin: [200, 200, 200],
    street: [200, 200, 404],
    secretary: [200, 404, 404],
    staff: [404, 404, 404],
    gridworker: [200, 404, 404],
    dept: [200, 404, 404],
  },
  NO_ABILITY,
);

/** POST /api/patrols/:id/check-ins: members only; a planner who sees the plan but does not walk it gets 403. */
export const WALK = table(
  {
    admin: [403, 403, 403],
    street: [403, 403, 404],
    secretary: [403, 404, 404],
    staff: [404, 404, 404],
    gridworker: [201, 404, 404],
    dept: [201, 404, 404],
  },
  NO_ABILITY,
);

/**
 * POST /api/patrols/:id/status {start} on plans already under way: whoever may plan gets the
 * state conflict (409), members who may not plan 403, other patrol staff 404.
 */
export const MANAGE = table(
  {
    admin: [409, 409, 409],
    street: [409, 409, 404],
    secretary: [409, 404, 404],
    staff: [404, 404, 404],
    gridworker: [403, 404, 404],
    dept: [403, 404, 404],
  },
  NO_ABILITY,
);

/** GET /api/patrols: whoever plans or walks patrols. */
export const LIST: Record<Role, number> = Object.fromEntries(
  ROLES.map((r) => [r, ['admin', 'street', 'secretary', 'staff', 'gridworker', 'dept'].includes(r) ? 200 : 403]),
) as Record<Role, number>;
