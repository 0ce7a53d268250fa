import { asc, eq, inArray } from 'drizzle-orm';
import { ROLE_LABELS } from '../../contracts/roles.ts';
import type { Db } from '../platform/db/open.ts';
import { users } from '../modules/accounts/schema.ts';
import { orgNodes } from '../modules/org/schema.ts';
import type { DemoAccount } from './seed-accounts.ts';

export const DEMO_USERNAMES = [
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
  'kiosk',
];

/** Prints the demo accounts on every start, so a newcomer always knows how to log in. */
export function printDemoAccounts(accounts: DemoAccount[], password: string): void {
  console.log(`演示账号（密码均为 ${password}）：`);
  for (const a of accounts)
    console.log(`  ${a.username.padEnd(11)} ${a.roleLabel.padEnd(10, '　')} ${a.displayName}（${a.scope}）`);
}

printDemoAccounts.fromDatabase = async (db: Db, password: string): Promise<void> => {
  const rows = await db
    .select({ username: users.username, role: users.role, displayName: users.displayName, scope: orgNodes.name })
    .from(users)
    .leftJoin(orgNodes, eq(orgNodes.id, users.scopeNodeId))
    .where(inArray(users.username, DEMO_USERNAMES))
    .orderBy(asc(users.id));
  if (!rows.length) return;
  printDemoAccounts(
    rows.map((r) => ({
      username: r.username,
      role: r.role,
      roleLabel: ROLE_LABELS[r.role],
      displayName: r.displayName,
      scope: r.scope ?? '',
    })),
    password,
  );
};
