import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, DESK, PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

/**
 * A server-room browser runs in UTC: the case page must still show Shanghai wall-clock times.
 * On the same page, the reporter's phone is masked until a handler reveals it with a reason, and
 * the reveal appears in the secretary's 个人信息访问记录.
 */
const suite = useServerAndBrowser();

/** 'YYYY-MM-DD HH:mm' of an instant in a zone, computed outside the browser. */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

async function reportWithPhone(page: Page, phone: string) {
  const res = await apiAs<{ data: { id: number; dueAt: string } }>(page, 'POST', '/api/cases', {
    title: '楼道灯不亮',
    description: '5幢2单元楼道灯坏了一周',
    address: '路南社区5幢',
    source: 'window',
    reporterName: '陈阿姨',
    reporterPhone: phone,
  });
  expect(res.status).toBe(201);
  return res.body.data;
}

describe('case page in a UTC browser', () => {
  it.each([
    ['desk', DESK, '13911112222'],
    ['phone', PHONE, '13933334444'],
  ] as const)('shows the deadline in Shanghai time and reveals the phone on %s', async (_, viewport, phone) => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport,
    });
    try {
      const page = await signIn(context, 'staff');
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
      const c = await reportWithPhone(page, phone);
      await page.goto(`/cases/${c.id}`);
      const shanghai = wallClock(c.dueAt, 'Asia/Shanghai');
      const utc = wallClock(c.dueAt, 'UTC');
      expect(shanghai).not.toBe(utc);
      const due = page.locator('.ant-descriptions-item-content', { hasText: shanghai });
      await due.first().waitFor();
      await expect(page.getByText(utc, { exact: false }).count()).resolves.toBe(0);

      // Masked for everyone; the handler reveals it with a reason.
      const reporter = page.getByTestId('reporter');
      await expect(reporter.textContent()).resolves.toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      await expect(reporter.textContent()).resolves.not.toContain(phone);
      await page.getByTestId('reveal-contact').click();
      const dialog = page.getByRole('dialog', { name: '查看反映人完整电话' });
      await dialog.getByRole('textbox').fill('回访核实处置情况');
      await dialog.getByRole('button', { name: /查\s*看/ }).click();
      await page.getByTestId('reporter-phone-full').getByText(phone).waitFor();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it("lists the case reveal in the secretary's reveal log, with its time in Shanghai", async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport: DESK,
    });
    try {
      const page = await signIn(context, 'secretary');
      const log = await apiAs<{ data: { action: string; at: string; targetType: string }[] }>(
        page,
        'GET',
        '/api/people/reveal-log?pageSize=50',
      );
      const entry = log.body.data.find((e) => e.action === 'cases.reveal_contact');
      expect(entry, 'the reveal of the previous test is logged').toBeTruthy();
      await page.goto('/people/reveal-log');
      const row = page.locator('tr', { hasText: '查看反映人电话' }).first();
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(wallClock(entry!.at, 'Asia/Shanghai'));
      await expect(row.textContent()).resolves.toContain('回访核实处置情况');
    } finally {
      await context.close();
    }
  });
});
