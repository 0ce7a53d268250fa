import { build } from 'vite';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer } from './harness.ts';
import { startSmtpSink } from './support/smtp-sink.ts';

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
  // The e-mail notice channel is configured against a local SMTP sink (notify e2e test).
  const smtp = await startSmtpSink();
  const server = await startServer({
    env: {
      GH_SMTP_HOST: '127.0.0.1',
      GH_SMTP_PORT: String(smtp.port),
      GH_SMTP_FROM: '网格治理 <noreply@gridhive.test>',
    },
  });
  project.provide('e2eBaseUrl', server.baseUrl);
  return async () => {
    await server.stop();
    await smtp.close();
  };
}
