import type { ModuleManifest } from '../manifest.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { setupRoutes } from './routes.ts';
import { issueSetupCode } from './setup-state.ts';

/** Clean install: a setup page claims an empty database with a one-time code from the console. */
export const setupModule: ModuleManifest = {
  name: 'setup',
  routes: setupRoutes as ModuleManifest['routes'],
};

export { setupNeeded, issueSetupCode } from './setup-state.ts';

/** At start: if the install is still unclaimed, issue a fresh code and tell the console how to claim it. */
export async function announceSetup(db: Queryable, baseUrl: string): Promise<string | null> {
  const code = await issueSetupCode(db);
  if (code) console.log(`请在浏览器打开 ${baseUrl}/setup 完成初始化，初始化码：${code}`);
  return code;
}
