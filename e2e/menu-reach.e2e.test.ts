import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.ts';
import { DEMO_PASSWORD, submitLogin, useServerAndBrowser } from './support/suite.ts';

/**
 * A newcomer's dead ends: every menu entry of every demo role, on a desk and on a phone, opens a
 * page that works — no 403/404/5xx from /api while it loads, no error or "无权访问" page, no
 * uncaught script error — and on a phone the menu button covers no page title.
 */
const ALL_ROLES = [
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
];
/** MENU_REACH_ROLES=dept,property walks only those accounts (while fixing one). */
const ROLES = process.env.MENU_REACH_ROLES
  ? ALL_ROLES.filter((r) => process.env.MENU_REACH_ROLES!.split(',').includes(r))
  : ALL_ROLES;
const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** What an error page looks like: antd results for 403/404/500/error, React Router's crash page. */
const ERROR_PAGE = '.ant-result-403, .ant-result-404, .ant-result-500, .ant-result-error, .ant-alert-error';

/**
 * Developer text shown to users: identifiers such as `branch-star/v1`, `people.read` or
 * `on_time_rate` (lower-case words joined by - _ . /). File names and web addresses are not.
 */
const DEVELOPER_TEXT = /(?<![\w@/.:-])[a-z][a-z0-9]*(?:[_./-][a-z0-9]+)+(?![\w@/-])/g;
const NOT_DEVELOPER_TEXT = /\.(xlsx|csv|json|xml|zip|kml|shp|geojson|png|jpg|webp)$|^(www\.|open311\/v2)/;
function developerText(text: string): string[] {
  return [...new Set(text.match(DEVELOPER_TEXT) ?? [])].filter((t) => !NOT_DEVELOPER_TEXT.test(t));
}

/** Each dead end as it is found (the test's own failure lists them all at the end). */
const LOG = path.join(ROOT, 'test-artifacts', 'menu-reach.txt');

interface DeadEnd {
  role: string;
  viewport: string;
  entry: string;
  problem: string;
}

/** Waits until no /api request has been in flight for 300 ms (lists load, then their details). */
async function quietNetwork(page: Page, inFlight: () => number): Promise<void> {
  let quietSince = Date.now();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await page.waitForTimeout(50);
  }
}

async function openMenu(page: Page, phone: boolean): Promise<void> {
  if (!phone) return;
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('app-menu').waitFor();
}

/** What the opened page shows: no error page, no crash, no developer text, no title under the phone's menu button. */
async function checkPage(page: Page, phone: boolean, failures: string[]): Promise<void> {
  const errorPage = page.locator(ERROR_PAGE);
  if (await errorPage.count()) failures.push(`错误页面：${(await errorPage.first().innerText()).slice(0, 80)}`);
  if (await page.getByText('Unexpected Application Error').count()) failures.push('页面崩溃');
  const shell = (await page.locator('main').count()) > 0;
  for (const token of developerText(
    await page
      .locator(shell ? 'main' : 'body')
      .first()
      .innerText(),
  ))
    failures.push(`开发者文字：${token}`);
  if (!phone || !shell) return;
  // The menu button must not lie over the page's heading (it once floated over every title).
  // Measured in one step in the page: headings re-render while a page settles.
  const covered = await page.evaluate(() => {
    const toggle = document.querySelector('[data-testid="menu-toggle"]')?.getBoundingClientRect();
    if (!toggle) return []; // a full-screen page (the big screen) has no header and no menu button
    return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main .ant-card-head-title')]
      .filter((h) => {
        const box = h.getBoundingClientRect();
        return (
          box.width > 0 &&
          toggle.left < box.right &&
          box.left < toggle.right &&
          toggle.top < box.bottom &&
          box.top < toggle.bottom
        );
      })
      .map((h) => (h.textContent ?? '').slice(0, 20));
  });
  for (const title of covered) failures.push(`菜单按钮遮住标题“${title}”`);
}

async function walkMenu(page: Page, role: string, phone: boolean, found: DeadEnd[]): Promise<number> {
  const viewport = phone ? '手机' : '桌面';
  const failures: string[] = [];
  let inFlight = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/') && !url.includes('/api/events');
  page.on('request', (r) => {
    if (isApi(r.url())) inFlight += 1;
  });
  page.on('requestfinished', (r) => {
    if (isApi(r.url())) inFlight -= 1;
  });
  page.on('requestfailed', (r) => {
    if (isApi(r.url())) inFlight -= 1;
  });
  page.on('response', (res: Response) => {
    if (isApi(res.url()) && (res.status() === 403 || res.status() === 404 || res.status() >= 500))
      failures.push(`${res.request().method()} ${new URL(res.url()).pathname} → ${res.status()}`);
  });
  page.on('pageerror', (err) => failures.push(`脚本错误：${err.message}`));

  await openMenu(page, phone);
  const labels = await page.getByTestId('app-menu').locator('.ant-menu-item').allTextContents();
  if (phone) await page.keyboard.press('Escape');
  for (const label of labels) {
    failures.length = 0;
    let at = '?';
    try {
      await openMenu(page, phone);
      const before = page.url();
      const current = await page.getByTestId('app-menu').locator('.ant-menu-item-selected').allTextContents();
      await page.getByTestId('app-menu').locator('.ant-menu-item').filter({ hasText: label }).first().click();
      // The old page stays on screen until the new one's code has loaded (a React transition).
      if (!current.includes(label)) await page.waitForURL((url) => url.href !== before, { timeout: 15_000 });
      await page.waitForTimeout(150);
      await quietNetwork(page, () => inFlight);
      at = new URL(page.url()).pathname;
      await checkPage(page, phone, failures);
    } catch (error) {
      failures.push(`打开失败：${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    for (const problem of failures) {
      found.push({ role, viewport, entry: `${label} (${at})`, problem });
      appendFileSync(LOG, `${role} ${viewport} ${label} (${at}): ${problem}\n`);
    }
    // A full-screen page (the big screen) has no menu: come back to the shell.
    if (!(await page.getByTestId('current-user').count())) await page.goto('/', { waitUntil: 'commit' });
    // On a loaded machine the shell may not come back in playwright's 30 s: reload once, as a person would.
    await page
      .getByTestId('current-user')
      .waitFor({ timeout: 60_000 })
      .catch(async () => {
        await page.goto('/');
        await page.getByTestId('current-user').waitFor({ timeout: 60_000 });
      });
  }
  return labels.length;
}

describe('every menu entry of every demo role opens', () => {
  const suite = useServerAndBrowser();

  it('on desk (1366×768) and phone (390×844): no 403, 404, 5xx or error page', async () => {
    mkdirSync(path.dirname(LOG), { recursive: true });
    writeFileSync(LOG, '');
    const found: DeadEnd[] = [];
    const visited: string[] = [];
    // Two roles at a time (desk and phone each): the server and the browser are shared, the machine is small.
    const queue = [...ROLES];
    const worker = async () => {
      for (let role = queue.shift(); role; role = queue.shift()) {
        for (const phone of [false, true]) {
          const context = await suite.browser.newContext({
            baseURL: suite.baseUrl,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
            viewport: phone ? PHONE : DESK,
            isMobile: phone,
            hasTouch: phone,
          });
          try {
            // One retry: on a loaded machine the first page load may miss playwright's 30 s.
            const login = () =>
              submitLogin(context, role, DEMO_PASSWORD).then((p) =>
                p
                  .getByTestId('current-user')
                  .waitFor({ timeout: 30_000 })
                  .then(() => p),
              );
            const page = await login()
              .catch(() => login())
              .catch(async () => context.pages()[0]!);
            const signedIn = (await page.getByTestId('current-user').count()) > 0;
            if (!signedIn) {
              found.push({
                role,
                viewport: phone ? '手机' : '桌面',
                entry: '登录',
                problem: (await page.locator('body').innerText()).slice(0, 200),
              });
              continue;
            }
            const n = await walkMenu(page, role, phone, found);
            visited.push(`${role}/${phone ? 'phone' : 'desk'}: ${n}`);
            appendFileSync(LOG, `（${role} ${phone ? '手机' : '桌面'}：已打开 ${n} 个菜单项）\n`);
          } finally {
            await context.close();
          }
        }
      }
    };
    await Promise.all([worker(), worker()]);
    console.log(`menu entries opened — ${visited.join(', ')}`);
    expect(visited).toHaveLength(ROLES.length * 2);
    expect(found.map((d) => `${d.role} ${d.viewport} ${d.entry}: ${d.problem}`)).toEqual([]);
  }, 1_200_000); // about 2 minutes on an idle machine; the cap leaves room for a loaded one
});
