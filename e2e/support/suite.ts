import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext { e2eBaseUrl: string }
}

/**
 * The one server every browser test file shares (started by e2e/global-setup.ts: the demo seed
 * takes a minute, once per run instead of once per file), and a browser of this file's own.
 */
export function useServerAndBrowser(): { readonly browser: Browser; readonly baseUrl: string } {
  let browser: Browser | undefined;
  beforeAll(async () => { browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); });
  return {
    get browser() { return browser!; },
    get baseUrl() { return inject('e2eBaseUrl'); },
  };
}
