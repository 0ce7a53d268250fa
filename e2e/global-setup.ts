import { build } from 'vite';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer } from './harness.ts';

/**
 * Builds the web app (so the tests never run against a stale bundle; E2E_SKIP_BUILD=1 skips it)
 * and starts the one real server, with a fresh data directory or database, that every browser
 * test file uses.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.E2E_SKIP_BUILD !== '1')
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  // E2E_SHARED_SERVER=0: only files that start their own server (setup.e2e.test.ts) are run.
  if (process.env.E2E_SHARED_SERVER === '0') return async () => {};
  const server = await startServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  return () => server.stop();
}
