import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityNumber } from '../server/seed/identity-number.ts';
import { launchBrowser, ROOT, saveScreenshot, startServer, type RunningServer } from './harness.ts';
import { DESK, PHONE, submitLogin } from './support/suite.ts';

const ADMIN_PASSWORD = 'Qiao-men-River-2026!';
const FIXTURES = path.join(ROOT, 'server/modules/org/geo/fixtures');

/** The id of a node by its code, read through the signed-in page's own session. */
async function nodeIdByCode(page: Page, parentId: number, code: string): Promise<number> {
  const res = await page.request.get(`/api/org/nodes/${parentId}/children?pageSize=200`);
  const node = (await res.json()).data.find((n: { code: string }) => n.code === code);
  if (!node) throw new Error(`no node ${code} under ${parentId}`);
  return node.id;
}

async function importBoundaryFile(page: Page, nodeId: number, file: string, expectCreated: RegExp): Promise<void> {
  await page.goto(`/map/${nodeId}/import`);
  await page.locator('input[type=file]').setInputFiles(path.join(FIXTURES, file));
  await page.getByRole('button', { name: '检查（试运行）' }).click();
  await page.getByText(/试运行结果：.*错误 0/).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('边界已导入').waitFor();
  await page.getByText(expectCreated).waitFor();
}

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
    await page
      .getByText(/常见|容易被猜到/)
      .first()
      .waitFor();

    const password = ADMIN_PASSWORD;
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
  it('the admin adds a community, imports its map and a roster; the new grid worker signs in and sees their grid', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: 'zh-CN',
      viewport: DESK,
      acceptDownloads: true,
    });
    const page = await submitLogin(context, 'gusu_admin', ADMIN_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    const districtId = (await (await page.request.get('/api/me')).json()).data.scope.nodeId as number;

    // A community under 白洋湾街道, added on the governance tree page with its statistical code.
    await page.goto('/org');
    await page.locator('.ant-tree-title').filter({ hasText: '白洋湾街道' }).click();
    await page.getByRole('button', { name: '新增社区' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('编码').fill('320508017990');
    await dialog.getByLabel('名称').fill('沧浪新村社区');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const streetId = await nodeIdByCode(page, districtId, '320508017');
    const communityId = await nodeIdByCode(page, streetId, '320508017990');

    // Its surveyed outline through the street's import, then its five grids (a MultiPolygon among
    // them, neighbours overlapping and leaving slivers of a few m²) through the community's.
    await importBoundaryFile(page, streetId, 'canglang-outline.geojson', /更新 1 个/);
    await importBoundaryFile(page, communityId, 'canglang-grids.geojson', /新建 5 个/);

    // A roster of two grid workers, one per grid, uploaded as CSV (the template's columns).
    const roster = [
      '用户名,姓名,手机号,身份证号,角色,管辖范围编码,部门编码',
      `cl_gw1,周晓梅,13862001001,${makeIdentityNumber('320508', { y: 1990, m: 4, d: 12 }, 21, 'female')},网格员,320508017990001,`,
      `cl_gw2,钱建国,13862001002,${makeIdentityNumber('320508', { y: 1986, m: 9, d: 3 }, 33, 'male')},网格员,320508017990002,`,
    ].join('\n');
    const rosterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-roster-')), '网格员花名册.csv');
    fs.writeFileSync(rosterFile, `\ufeff${roster}\n`);
    await page.goto('/accounts/roster');
    await page.locator('input[type=file]').setInputFiles(rosterFile);
    await page.getByText('导入完成').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'cl_gw1' });
    const oneTimePassword = (await row.locator('code').textContent())!.trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(8);
    await saveScreenshot(page, 'setup-roster-imported');
    await context.close();

    // The new grid worker, on a phone: chooses their own password first, then finds their grid.
    const phone = await browser.newContext({ baseURL: server.baseUrl, locale: 'zh-CN', viewport: PHONE });
    const worker = await submitLogin(phone, 'cl_gw1', oneTimePassword);
    await worker.getByText('请修改密码').waitFor();
    await worker.getByLabel('当前密码').fill(oneTimePassword);
    await worker.getByLabel('新密码', { exact: true }).fill('Ping-jiang Lane tea 88');
    await worker.getByLabel('确认新密码').fill('Ping-jiang Lane tea 88');
    await worker.getByRole('button', { name: '修改密码' }).click();
    await worker.getByText('请修改密码').waitFor({ state: 'detached' });
    await worker.goto('/map');
    await worker.getByText('沧浪新村第一网格').first().waitFor();
    const me = (await (await worker.request.get('/api/me')).json()).data;
    expect(me.scope).toMatchObject({ level: 'grid', code: '320508017990001', name: '沧浪新村第一网格' });
    await saveScreenshot(worker, 'setup-grid-worker-map');
    await phone.close();
  });
});
