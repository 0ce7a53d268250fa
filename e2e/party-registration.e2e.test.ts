import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { DESK, PHONE, signIn, useServerAndBrowser, apiAs } from './support/suite.ts';

describe('dual registration (双报到)', () => {
  const suite = useServerAndBrowser();

  it('a member finds the community where they live on the phone, registers with a co-building unit as work unit, and sees it confirmed', async () => {
    const memberContext = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const streetContext = await suite.browser.newContext({ baseURL: suite.baseUrl, locale: 'zh-CN', viewport: DESK });
    try {
      const member = await signIn(memberContext, 'member');
      const street = await signIn(streetContext, 'street');
      // A community of the member's street other than their branch's: the street administrator confirms there.
      const me = (await apiAs<{ data: { scope: { path: string } | null } }>(member, 'GET', '/api/me')).body.data;
      const homeCommunityId = Number(me.scope!.path.split('/').filter(Boolean)[2]);
      const streetName = (await apiAs<{ data: { scope: { name: string } } }>(street, 'GET', '/api/me')).body.data.scope
        .name;
      const all = (
        await apiAs<{ data: { id: number; name: string; streetName: string }[] }>(
          member,
          'GET',
          `/api/org/communities?q=${encodeURIComponent('社区')}`,
        )
      ).body.data;
      const target = all.find((c) => c.id !== homeCommunityId && c.streetName === streetName)!;
      expect(target).toBeTruthy();

      await member.goto('/party/me');
      const card = member.locator('.ant-card').filter({ hasText: '双报到' });
      await card.waitFor();
      await card.getByRole('combobox').first().fill(target.name.slice(0, 2));
      await member
        .locator('.ant-select-item-option')
        .filter({ hasText: `${target.name}（${target.streetName}）` })
        .first()
        .click();
      await card.getByText('在职党员').click();
      await card.getByRole('combobox').nth(1).click();
      await member.locator('.ant-select-item-option').filter({ hasText: '区供电公司' }).first().click();
      await card.getByRole('button', { name: '提交报到' }).click();
      await member.getByText('已提交报到，等待社区确认').first().waitFor();
      await card.getByText('待社区确认').waitFor();
      expect(await card.textContent()).toContain(`报到社区：${target.name}`);
      expect(await card.textContent()).toContain('工作单位：区供电公司');

      // The street confirms; the member sees it after a reload, and the co-building unit now counts them.
      const pending = (
        await apiAs<{ data: { id: number; name: string; version: number; workUnit: string | null }[] }>(
          street,
          'GET',
          `/api/party/communities/${target.id}/registrations`,
        )
      ).body.data;
      const mine = pending.find((p) => p.workUnit === '区供电公司')!;
      expect(mine).toBeTruthy();
      expect(
        (
          await apiAs(street, 'POST', `/api/party/members/${mine.id}/registration/decision`, {
            decision: 'confirm',
            version: mine.version,
          })
        ).status,
      ).toBe(200);
      await member.reload();
      await member.locator('.ant-card').filter({ hasText: '双报到' }).getByText('已报到').waitFor();
      await saveScreenshot(member, 'party-dual-registration-phone');
    } finally {
      await memberContext.close();
      await streetContext.close();
    }
  });
});
