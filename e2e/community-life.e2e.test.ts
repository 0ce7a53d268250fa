import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { saveScreenshot, settle } from './harness.ts';
import { DESK, PHONE, signIn, useServerAndBrowser, apiAs } from './support/suite.ts';

// antd spaces two-character button labels (预 约), hence the regexes.

describe('community life', () => {
  const suite = useServerAndBrowser();

  it('a resident books a slot and sees it in 我的预约, the secretary receives it, and a 四议两公开 record shows its stepper', async () => {
    const contexts: BrowserContext[] = [];
    const pageErrors: string[] = [];
    const open = async (username: string, options: Parameters<Browser['newContext']>[0]) => {
      const context = await suite.browser.newContext({
        baseURL: suite.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        ...options,
      });
      contexts.push(context);
      const page = await signIn(context, username);
      page.on('pageerror', (err) => pageErrors.push(`${username}: ${err.message}`));
      return page;
    };
    try {
      const resident = await open('resident', { viewport: PHONE, isMobile: true, hasTouch: true });
      const secretary = await open('secretary', { viewport: DESK });

      // The resident books the first open slot for 证明开具 at the community's station.
      await resident.goto('/services');
      const item = resident.locator('[data-testid^="service-item-"]').filter({ hasText: '证明开具' });
      await item.getByRole('button', { name: /^预\s*约$/ }).click();
      const dialog = resident.getByRole('dialog');
      await dialog.getByTestId('slot').first().waitFor();
      const slot = dialog.locator('[data-testid="slot"]:not([disabled])').first();
      const slotLabel = (await slot.textContent())!.trim().slice(0, 5);
      await slot.click();
      await dialog.getByLabel('备注').fill('开具居住证明');
      await dialog.getByRole('button', { name: '确认预约' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await resident.getByText('预约成功').first().waitFor();

      await resident.goto('/services/mine');
      const card = resident.getByTestId('booking-card').filter({ hasText: '证明开具' });
      await card.waitFor();
      expect(await card.textContent()).toContain('待受理');
      expect(await card.textContent()).toContain(slotLabel);

      // The secretary receives it from the inbox and becomes first-responsible.
      await secretary.goto('/services/inbox');
      const residentName = (await apiAs<{ data: { displayName: string } }>(resident, 'GET', '/api/me')).body.data
        .displayName;
      const inboxCard = secretary
        .getByTestId('booking-card')
        .filter({ hasText: residentName })
        .filter({ hasText: '开具居住证明' });
      await inboxCard.getByRole('button', { name: /^受\s*理$/ }).click();
      await secretary.getByText('已受理，您是首问责任人').first().waitFor();
      await secretary.getByRole('tab', { name: '我负责的' }).click();
      await secretary
        .getByTestId('booking-card')
        .filter({ hasText: '开具居住证明' })
        .getByRole('button', { name: /^移\s*交$/ })
        .waitFor();

      // The resident sees the status change in 我的预约 without reloading (live events).
      await resident.getByTestId('booking-card').filter({ hasText: '证明开具' }).getByText('办理中').waitFor();
      await settle(resident);
      await saveScreenshot(resident, 'community-life-my-bookings-phone');

      // 代办: the secretary books for a registered resident found with the masked resident picker.
      const person = (
        await apiAs<{ data: { name: string; idNumberMasked: string }[] }>(
          secretary,
          'GET',
          '/api/people/residents?pageSize=1',
        )
      ).body.data[0]!;
      await secretary.goto('/services');
      await secretary
        .locator('[data-testid^="service-item-"]')
        .filter({ hasText: '老年优待证' })
        .getByRole('button', { name: '申请代办' })
        .click();
      const proxy = secretary.getByRole('dialog');
      await proxy.getByRole('combobox').fill(person.name);
      await secretary.locator('.ant-select-item-option').filter({ hasText: person.idNumberMasked }).first().click();
      await proxy.getByLabel('需求说明').fill('老人行动不便，电话申请代办');
      await proxy.getByRole('button', { name: '提交代办' }).click();
      await proxy.waitFor({ state: 'hidden' });
      await secretary.goto('/services/inbox');
      await secretary
        .getByTestId('booking-card')
        .filter({ hasText: person.name })
        .filter({ hasText: '电话申请代办' })
        .waitFor();

      // A 四议两公开 record: the proposal is the only step offered; skipping ahead is refused with 409.
      const me = (await apiAs<{ data: { scope: { nodeId: number } } }>(secretary, 'GET', '/api/me')).body.data;
      const created = await apiAs<{ data: { id: number } }>(secretary, 'POST', '/api/decisions', {
        communityId: me.scope.nodeId,
        title: '小区加装电梯议题',
        summary: '3 号楼居民申请加装电梯，费用按楼层分摊。',
      });
      expect(created.status).toBe(201);
      const decisionId = created.body.data.id;
      const skipped = await apiAs<{ error: { message: string } }>(
        secretary,
        'POST',
        `/api/decisions/${decisionId}/steps`,
        { kind: 'committees', note: '跳过提议' },
      );
      expect(skipped.status).toBe(409);
      expect(skipped.body.error.message).toContain('党组织提议');

      await secretary.goto(`/decisions/${decisionId}`);
      const stepper = secretary.getByTestId('decision-stepper');
      await stepper.waitFor();
      await secretary.getByRole('button', { name: '记录：党组织提议' }).click();
      const stepDialog = secretary.getByRole('dialog');
      await stepDialog.getByLabel('说明').fill('社区党委提议将加装电梯列入本季度议事。');
      await stepDialog.getByRole('button', { name: '记录', exact: true }).click();
      await stepDialog.waitFor({ state: 'hidden' });
      await stepper.getByText('社区党委提议将加装电梯列入本季度议事。').waitFor();
      // The next allowed step is now the only action: the two committees' deliberation.
      await secretary.getByRole('button', { name: '记录：两委会商议' }).waitFor();
      expect(await secretary.getByRole('button', { name: /^记录：/ }).count()).toBe(1);
      await saveScreenshot(secretary, 'community-life-decision-stepper');

      expect(pageErrors).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
