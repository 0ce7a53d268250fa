/**
 * Expected statuses of the one-stop services matrix (services-matrix.test.ts), per role: catalogue
 * columns are own community, another community of the street, the other street; booking columns run
 * from the resident's own booking out to the other street. 0 = the action's success status.
 */
import { DEMO_ACCOUNTS, type DemoAccount } from '../../../test/demo-accounts.ts';
export const ROLES = DEMO_ACCOUNTS;
export type Role = DemoAccount;

const table = <T>(given: Partial<Record<Role, T>>, rest: T) =>
  Object.fromEntries(ROLES.map((r) => [r, given[r] ?? rest])) as Record<Role, T>;
export type Three = [number, number, number];
export type Five = [number, number, number, number, number];

/** Catalogue, stations and slots: browsable by whoever lives or works in the community or covers it. */
export const BROWSE = table<Three>(
  { admin: [200, 200, 200], street: [200, 200, 404], dept: [200, 200, 404] },
  [200, 404, 404],
);
/** Creating items and stations: staff covering the community (the node must be in scope, else 404). */
export const CREATE = table<Three>(
  {
    admin: [201, 201, 201],
    street: [201, 201, 404],
    secretary: [201, 404, 404],
    staff: [201, 404, 404],
    dept: [403, 403, 404],
    volunteer: [403, 404, 404],
    property: [403, 404, 404],
    counit: [403, 404, 404],
  },
  [404, 404, 404],
);
/** Changing an item or station, opening slots, the admin view: as CREATE, but the row is found by browsing. */
export const MANAGE = table<Three>(
  { admin: [0, 0, 0], street: [0, 0, 404], secretary: [0, 404, 404], staff: [0, 404, 404], dept: [403, 403, 404] },
  [403, 404, 404],
);
/** Booking a visit: residents, members, volunteers and leaders in their own community. */
export const BOOK = table<Three>(
  {
    admin: [403, 403, 403],
    street: [403, 403, 404],
    dept: [403, 403, 404],
    leader: [201, 404, 404],
    member: [201, 404, 404],
    volunteer: [201, 404, 404],
    resident: [201, 404, 404],
  },
  [403, 404, 404],
);
/** The resident picker and booking for a registered resident: staff and grid workers of the community. */
export const PICK = table<Three>(
  {
    admin: [403, 403, 403],
    street: [403, 403, 404],
    dept: [403, 403, 404],
    secretary: [0, 404, 404],
    staff: [0, 404, 404],
    gridworker: [0, 404, 404],
  },
  [403, 404, 404],
);

export const HANDLER_C1: Five = [0, 0, 0, 404, 404];
export const HANDLER_G1: Five = [0, 0, 404, 404, 404];
export const NONE: Five = [404, 404, 404, 404, 404];
/** Seeing a booking: its resident, and handlers covering where the resident lives. */
export const SEE = table<Five>(
  { secretary: HANDLER_C1, staff: HANDLER_C1, gridworker: HANDLER_G1, resident: [0, 404, 404, 404, 404] },
  NONE,
);
/** Receiving, handing over, completing: handlers only (the resident sees theirs but may not: 403). */
export const HANDLE = table<Five>(
  { secretary: HANDLER_C1, staff: HANDLER_C1, gridworker: HANDLER_G1, resident: [403, 404, 404, 404, 404] },
  NONE,
);
/** Cancelling and rating: the resident only (handlers see the booking but may not: 403). */
export const OWNER = table<Five>(
  {
    secretary: [403, 403, 403, 404, 404],
    staff: [403, 403, 403, 404, 404],
    gridworker: [403, 403, 404, 404, 404],
    resident: [0, 404, 404, 404, 404],
  },
  NONE,
);
