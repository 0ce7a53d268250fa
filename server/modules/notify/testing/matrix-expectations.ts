/**
 * Expected statuses of the notify matrix (notify-matrix.test.ts), per demo account. Area columns: the
 * account's own grid (first grid of the first community), that community, another community of the
 * street, a community of the other street. Resend columns: a dead letter in the first community, one
 * in the other street.
 */
import { DEMO_ACCOUNTS, type DemoAccount } from '../../../test/demo-accounts.ts';
export const ROLES = DEMO_ACCOUNTS;
export type Role = DemoAccount;

const table = <T>(given: Partial<Record<Role, T>>, rest: T) =>
  Object.fromEntries(ROLES.map((r) => [r, given[r] ?? rest])) as Record<Role, T>;

/** Residents may subscribe where they live; staff who read cases also anywhere under their scope. */
export const SUBSCRIBE = table<[number, number, number, number]>(
  {
    admin: [201, 201, 201, 201],
    street: [201, 201, 201, 404],
    dept: [201, 201, 201, 404],
    volunteer: [404, 201, 404, 404],
    counit: [404, 201, 404, 404],
  },
  [201, 201, 404, 404],
);

/** Webhooks, send log and dead letters: district and street administrators only. */
const ADMINS = { admin: 1, street: 1 } as Partial<Record<Role, number>>;
export const MANAGE_LIST = table<number>(Object.fromEntries(Object.keys(ADMINS).map((r) => [r, 200])), 403);
export const MANAGE_CREATE = table<number>(Object.fromEntries(Object.keys(ADMINS).map((r) => [r, 201])), 403);
export const RESEND = table<[number, number]>({ admin: [200, 200], street: [200, 404] }, [403, 403]);
