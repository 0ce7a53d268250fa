import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

// antd spaces two-character button labels (派 单, 发 布 …), hence the regexes.
describe('wishes: micro-project and dispatch (派单)', () => {
  const suite = useServerAndBrowser();

  it('the secretary publishes a micro-project and dispatches it to a party member, who is notified and finds it on the phone', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const secretary = await open('secretary', { viewport: DESK });
      const member = await open('member', { viewport: PHONE, isMobile: true, hasTouch: true });
      const memberName = (await apiAs<{ data: { member: { name: string } } }>(member, 'GET', '/api/party/me')).body.data
        .member.name;
      const title = `单元门禁维修${Date.now().toString(36).slice(-4)}`;

      // 1. Publish a micro-project (微项目) through the form: staff publish it open at once.
      await secretary.goto('/wishes');
      await secretary
        .getByRole('button', { name: /发\s*布/ })
        .first()
        .click();
      const publish = secretary.getByRole('dialog');
      await publish.getByText('微项目', { exact: true }).click();
      await publish.getByLabel('项目名称').fill(title);
      await publish.getByLabel('说明').fill('3 单元门禁损坏，需要更换读卡器');
      await publish.getByLabel('预算（元，可不填）').fill('800');
      await publish.getByRole('button', { name: /确\s*定|OK/ }).click();
      await secretary.getByText('已发布').first().waitFor();
      await secretary.getByText('社区管理').click();
      const card = secretary.locator('[data-testid^="wish-"]').filter({ hasText: title });
      await card.waitFor();
      expect(await card.textContent()).toContain('微项目');

      // 2. Dispatch it to the member.
      await card.getByRole('button', { name: /派\s*单/ }).click();
      const dialog = secretary.getByRole('dialog').filter({ hasText: '派单：' });
      // The list holds every member of the community (a virtual list): search by name.
      await dialog.getByRole('combobox', { name: /党员/ }).fill(memberName);
      await secretary.locator('.ant-select-item-option').filter({ hasText: memberName }).first().click();
      await dialog.getByLabel('完成期限（天）').fill('5');
      await dialog.getByLabel('派单说明').fill('请与物业联系更换');
      await dialog.getByRole('button', { name: /派\s*单/ }).click();
      await secretary.getByText(`已派单给${memberName}`).first().waitFor();
      await card.getByText(`派单：党员 ${memberName}`).waitFor();
      expect(await card.textContent()).toContain('已认领');
      await saveScreenshot(secretary, 'wishes-dispatch-desk');

      // 3. The member was notified and finds it under 我的, ready to be completed.
      const inbox = (await apiAs<{ data: { kind: string; text: string }[] }>(member, 'GET', '/api/notifications')).body
        .data;
      expect(inbox.find((n) => n.kind === 'wish.dispatch')?.text).toContain(title);
      await member.goto('/wishes');
      await member.getByText('我的', { exact: true }).click();
      const mine = member.locator('[data-testid^="wish-"]').filter({ hasText: title });
      await mine.waitFor();
      await mine.getByRole('button', { name: /完\s*成/ }).waitFor();
      expect(await member.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        1,
      );
      await saveScreenshot(member, 'wishes-dispatch-phone');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
