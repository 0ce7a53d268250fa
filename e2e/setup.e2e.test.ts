import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot, startServer, type RunningServer } from './harness.ts';
import { DESK } from './support/suite.ts';

/** A clean install: its own server with no demo district (the shared one is seeded). */
describe('clean install (GH_SEED_DEMO=0)', () => {
  let server: RunningServer;
  let browser: Browser;
  let setupCode: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ env: { GH_SEED_DEMO: '0' } }), launchBrowser()]);
    setupCode = (await server.waitForOutput(/初始化码：([2-9A-Z]{4}-[2-9A-Z]{4})/))[1]!;
    expect(server.output()).toContain('/setup 完成初始化');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('someone who can read the console claims it: code, 姑苏区, two streets, the first admin, then signs in', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-CN', viewport: DESK });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByText('蜂巢 · 系统初始化').waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');

    await page.getByLabel('初始化码').fill(setupCode.toLowerCase());
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('检索区县').fill('姑苏');
    await page.getByRole('option').filter({ hasText: '320508' }).click();
    await page.getByText('已选择：').filter({ hasText: '姑苏区' }).waitFor();
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('checkbox', { name: /白洋湾街道/ }).check();
    await page.getByRole('checkbox', { name: /平江街道/ }).check();
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('用户名').fill('gusu_admin');
    await page.getByLabel('姓名').fill('陈立新');
    await page.getByLabel('手机号').fill('13912345678');
    // First a password from the common list: the server refuses it beside the field.
    await page.getByLabel('密码', { exact: true }).fill('password123');
    await page.getByLabel('确认密码').fill('password123');
    await page.getByRole('button', { name: '完成初始化' }).click();
    await page.getByText(/常见|容易被猜到/).first().waitFor();

    const password = 'Qiao-men-River-2026!';
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByLabel('确认密码').fill(password);
    await page.getByRole('button', { name: '完成初始化' }).click();
    await page.getByText('初始化完成').waitFor();
    expect(await page.getByText(/已建立姑苏区（320508）及 2 个街道/).count()).toBe(1);
    await saveScreenshot(page, 'setup-done');

    await page.getByRole('button', { name: '去登录' }).click();
    await page.getByLabel('用户名').fill('gusu_admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('陈立新');

    // The install is claimed: the setup page sends newcomers to the login page now.
    await page.goto('/setup');
    await page.waitForURL(/\/(login)?$/);
    await context.close();
  });
});
