import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

/**
 * The one server every browser test file shares (started by e2e/global-setup.ts: the demo seed
 * takes a minute, once per run instead of once per file), and a browser of this file's own.
 */
export function useServerAndBrowser(): { readonly browser: Browser; readonly baseUrl: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get baseUrl() {
      return inject('e2eBaseUrl');
    },
  };
}

export const DEMO_PASSWORD = process.env.GH_DEMO_PASSWORD || 'gridhive2026';
export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1440, height: 900 };

/** Opens a page in `context` and submits the login form; the caller decides what to wait for. */
export async function submitLogin(context: BrowserContext, username: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  // antd spaces two-character button labels (登 录), hence the regex.
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return page;
}

/** Opens a page in `context` and signs in through the login form as a demo account. */
export async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await submitLogin(context, username, DEMO_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** Calls the API as the page's signed-in user (its cookies, and the CSRF header for changes). */
export async function apiAs<T>(
  page: Page,
  method: 'GET' | 'POST',
  url: string,
  data?: unknown,
): Promise<{ status: number; body: T }> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'gh_csrf')?.value ?? '';
  const res = await page.request.fetch(url, {
    method,
    data,
    headers: method === 'GET' ? {} : { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json().catch(() => null)) as T };
}

/**
 * Several demo accounts signed in side by side in one test, each in a context of its own (Shanghai
 * time, zh-CN); script errors on any page are collected, and close() closes them all.
 */
export function signedInPages(suite: { readonly browser: Browser; readonly baseUrl: string }) {
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    errors,
    async open(username: string, options: BrowserContextOptions = {}): Promise<Page> {
      const context = await suite.browser.newContext({
        baseURL: suite.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...options,
      });
      contexts.push(context);
      const page = await signIn(context, username);
      page.on('pageerror', (err) => errors.push(`${username}: ${err.message}`));
      return page;
    },
    async close(): Promise<void> {
      for (const c of contexts) await c.close();
    },
  };
}
