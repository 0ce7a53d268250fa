import { build } from 'vite';
import path from 'node:path';
import { ROOT } from './harness.ts';

/**
 * Builds the web app before the browser tests, so they never run against a stale bundle.
 * CI, which has just built it, may skip this with E2E_SKIP_BUILD=1.
 */
export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}
