import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

/** Chooses one generated PNG in the report form's photo picker. */
async function choosePhoto(page: Page, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('上传照片').click();
  const buffer = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#5b8c5a' } })
    .png()
    .toBuffer();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer });
}

async function fillAddressOnlyReport(page: Page, title: string): Promise<void> {
  await page.goto('/cases/report');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('问题描述').fill('楼道灯坏了一周，晚上上下楼看不见台阶。');
  await page.getByText('只填地址').click();
  await page.getByLabel('详细地址').fill('路南社区 3 号楼 2 单元');
}

// Before the fix, a report submitted while its photo was still uploading was sent without it.
describe('a report waits for its photos', () => {
  const suite = useServerAndBrowser();

  it('refuses to submit while a photo uploads, then sends it with the photo', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await signIn(context, 'resident');
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/cases/photos', async (route) => {
        await held;
        await route.continue();
      });

      const title = `楼道灯不亮 ${Date.now() % 100000}`;
      await fillAddressOnlyReport(page, title);
      await choosePhoto(page, 'stairs.png');
      // The button says why it would wait; pressed anyway, the form is held back with a reason.
      await page.getByRole('button', { name: /照片上传中/ }).click();
      await page.getByText('还有 1 张照片正在上传，请等上传完成后再提交').waitFor();
      expect(new URL(page.url()).pathname).toBe('/cases/report');

      release();
      await expect.poll(() => page.getByRole('img', { name: 'stairs.png' }).count(), { timeout: 15_000 }).toBe(1);
      await page.getByRole('button', { name: /提交上报/ }).click();
      await page.waitForURL(/\/cases\/\d+$/);
      const caseId = Number(new URL(page.url()).pathname.split('/').pop());
      const detail = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as {
        data: { title: string; photoIds: number[] };
      };
      expect(detail.data.title).toBe(title);
      expect(detail.data.photoIds).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('refuses to submit while a failed photo is still listed', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await signIn(context, 'resident');
      await page.route('**/api/cases/photos', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: '服务暂不可用' } }),
        }),
      );
      await fillAddressOnlyReport(page, `照片失败 ${Date.now() % 100000}`);
      await choosePhoto(page, 'broken.png');
      await page.getByText('服务暂不可用').first().waitFor();
      await page.getByRole('button', { name: /提交上报/ }).click();
      await page.getByText('有 1 张照片上传失败，请删除后重新上传').waitFor();
      expect(new URL(page.url()).pathname).toBe('/cases/report');
    } finally {
      await context.close();
    }
  });
});
