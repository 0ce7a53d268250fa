import { describe, expect, it } from 'vitest';
import { writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { saveScreenshot } from './harness.ts';
import { DESK, PHONE, apiAs, signIn, useServerAndBrowser } from './support/suite.ts';

/** A valid USCC (GB 32100) with its GB 11714 organisation code, computed as the server checks it. */
function uscc(seq: number): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const org = String(60000000 + seq);
  const orgW = [3, 7, 9, 10, 5, 8, 4, 2];
  const c = 11 - (orgW.reduce((s, w, i) => s + Number(org[i]) * w, 0) % 11);
  const first17 = `91320508${org}${c === 10 ? 'X' : c === 11 ? '0' : String(c)}`;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * w[i]!, 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

describe('registers by hand and the hotline import page', () => {
  const suite = useServerAndBrowser();

  it('a secretary registers an entity on a phone: a bad credit code is named beside its field, nothing saved; the corrected one is listed', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await signIn(context, 'secretary');
      await page.goto('/people/entities');
      await page.getByRole('button', { name: /登记单位/ }).click();
      const dialog = page.getByRole('dialog');
      const good = uscc(Date.now() % 1_000_000);
      const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      await dialog.getByLabel('统一社会信用代码').fill(bad);
      await dialog.getByLabel('单位名称').fill('路南便民理发店');
      await dialog.getByLabel('单位类型').click();
      await page.getByTitle('个体工商户').click();
      await dialog.getByLabel('所属网格').click();
      await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '第1网格' }).first().click();
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('统一社会信用代码：校验码错误（第18位）').waitFor();
      const none = await apiAs<{ data: unknown[] }>(
        page,
        'GET',
        `/api/people/entities?q=${encodeURIComponent('便民理发')}`,
      );
      expect(none.body.data).toEqual([]);

      await dialog.getByLabel('统一社会信用代码').fill(good);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: good }).waitFor();
      await saveScreenshot(page, 'registers-entity-phone');
    } finally {
      await context.close();
    }
  });

  it('staff import a hotline file on the desk: upload progress, then created, skipped and rejected rows with reasons', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hotline-'));
    const file = path.join(dir, '12345工单.csv');
    const ticket = `E2E${Date.now()}`;
    await writeFile(
      file,
      [
        '工单号,诉求标题,诉求内容,事发地址,来电人,来电号码,诉求类别',
        `${ticket}1,楼道堆物,楼道里堆满杂物影响通行,路南社区3幢,张女士,13912340001,`,
        `${ticket}2,乱停车,车辆堵住消防通道,路南社区南门,王先生,12345,`,
      ].join('\n'),
    );
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: DESK,
    });
    try {
      const page = await signIn(context, 'staff');
      await page.getByTestId('app-menu').getByText('热线工单导入').click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('hotline-upload').click();
      await (await chooser).setFiles(file);
      const report = page.getByTestId('hotline-report');
      await report.waitFor();
      expect(await report.innerText()).toMatch(/新立案件\s*1 条[\s\S]*重复跳过\s*0 条[\s\S]*未通过\s*1 行/);
      await page.getByRole('cell', { name: '来电号码' }).waitFor();
      await page.getByRole('cell', { name: '手机号格式不正确' }).waitFor();

      // The same file again: the imported work order is skipped, nothing is registered twice.
      const again = page.waitForEvent('filechooser');
      await page.getByTestId('hotline-upload').click();
      await (await again).setFiles(file);
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="hotline-report"]')?.textContent?.includes('重复跳过1 条'),
      );
      expect(await page.getByTestId('hotline-report').textContent()).toContain('新立案件0 条');
      await saveScreenshot(page, 'registers-hotline-import-desk');
    } finally {
      await context.close();
    }
  });
});
