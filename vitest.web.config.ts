import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure logic (api client, projection, tree paging). They need no
// DOM: browser behaviour is covered by the e2e tests against real Chromium.
export default defineConfig({
  test: {
    include: ['web/**/*.test.ts', 'web/**/*.test.tsx'],
    environment: 'node',
    // A browser in a server room runs in UTC: times must still show in Asia/Shanghai (web/shared/time.ts).
    env: { TZ: 'UTC' },
  },
});
