/** The twelve demo accounts (README "演示账号"), one per role, in the order the role × scope matrix tests list them. */
export const DEMO_ACCOUNTS = [
  'admin',
  'street',
  'secretary',
  'staff',
  'gridworker',
  'leader',
  'member',
  'volunteer',
  'resident',
  'dept',
  'property',
  'counit',
] as const;
export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];
