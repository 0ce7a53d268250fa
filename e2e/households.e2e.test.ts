import { afterAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, PHONE, signedInPages, submitLogin, useServerAndBrowser } from './support/suite.ts';

describe('包保联户, 党群连心墙 and the 易办事 terminal', () => {
  const suite = useServerAndBrowser();
  const pages = signedInPages(suite);
  afterAll(() => pages.close());

  it('a party member records a visit on the phone whose opinion becomes a case', async () => {
    const page = await pages.open('member', { viewport: PHONE });
    await page.goto('/contact/mine');
    const first = page.locator('[data-testid^="household-"]').first();
    await first.waitFor({ timeout: 30_000 });
    const houseId = Number((await first.getAttribute('data-testid'))!.replace('household-', ''));
    await first.getByRole('button', { name: '记录走访' }).click();
    await page.getByLabel('受访人').fill('王秀英');
    await page.getByRole('button', { name: '添加意见建议' }).click();
    await page.getByPlaceholder('居民反映的问题或诉求').fill('楼道声控灯坏了，晚上上下楼看不见');
    await page.getByRole('switch').click();
    await page.getByRole('button', { name: '保存走访记录' }).click();
    await page
      .getByText('条意见已转为案件')
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await saveScreenshot(page, 'contact-visit-failed');
        throw e;
      });
    const visits = await apiAs<{ data: { metName: string; opinions: { caseId: number | null }[] }[] }>(
      page,
      'GET',
      `/api/contact/households/${houseId}/visits`,
    );
    const mine = visits.body.data.find((v) => v.metName === '王秀英')!;
    expect(mine.opinions[0]!.caseId).toBeTypeOf('number');
  });

  it('a resident sees the 党群连心墙 of their community with commitments', async () => {
    const page = await pages.open('resident', { viewport: PHONE });
    await page.goto('/outreach/wall');
    await page.getByTestId('wall-entry').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('wall-entry').count()).toBeGreaterThan(0);
    expect(await page.getByText('承诺：').count()).toBeGreaterThan(0);
    expect(pages.errors).toEqual([]);
  });

  it('the terminal books for a resident checked by ID number and phone, prints, and resets when idle', async () => {
    const staff = await pages.open('secretary');
    const list = await apiAs<{ data: { id: number }[] }>(staff, 'GET', '/api/people/residents?pageSize=50');
    let who: { idNumber: string; phone: string | null } | null = null;
    for (const r of list.body.data) {
      const revealed = await apiAs<{ data: { idNumber: string; phone: string | null } }>(
        staff,
        'POST',
        `/api/people/residents/${r.id}/reveal`,
        { reason: '自助终端联调测试' },
      );
      if (revealed.body.data.phone) {
        who = revealed.body.data;
        break;
      }
    }
    expect(who).not.toBeNull();
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    await context.clock.install();
    const page = await submitLogin(context, 'kiosk', process.env.GH_DEMO_PASSWORD || 'gridhive2026');
    await page.getByTestId('kiosk').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '预约办事' }).click();
    await page.getByTestId('kiosk-id').fill(who!.idNumber);
    await page.getByTestId('kiosk-phone').fill(who!.phone!);
    await page.getByRole('button', { name: /核\s*验/ }).click();
    await page.getByRole('heading', { name: /请选择要办理的事项/ }).waitFor({ timeout: 30_000 });
    await page.locator('.kiosk-option').first().click();
    await page.getByTestId('kiosk-slot').first().click();
    await page.getByTestId('kiosk-receipt').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('kiosk-receipt').textContent()).toContain('预约办事回执');
    await page.evaluate(() => Object.assign(window, { print: () => Object.assign(window, { __printed: true }) }));
    await page.getByRole('button', { name: '打印回执' }).click();
    expect(await page.evaluate(() => (window as unknown as { __printed?: boolean }).__printed)).toBe(true);
    // Idle: the countdown appears, then the terminal forgets the resident and shows its start screen.
    await context.clock.fastForward(80_000);
    await page.getByTestId('kiosk-countdown').waitFor({ timeout: 10_000 });
    await context.clock.fastForward(15_000);
    await page.getByRole('button', { name: '预约办事' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('kiosk-receipt').count()).toBe(0);
    await context.close();
  });
});
