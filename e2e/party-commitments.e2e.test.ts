import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

describe('commitment check (承诺践诺)', () => {
  const suite = useServerAndBrowser();

  it('a member publishes a commitment on the phone; the secretary checks the branch, marks it not fulfilled with a note, and the figures change', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const member = await open('member', { viewport: PHONE, isMobile: true, hasTouch: true });
      const content = `每周陪独居老人聊天一次${Date.now().toString(36).slice(-4)}`;
      await member.goto('/party/me');
      await member.getByPlaceholder('写下今年的承诺').fill(content);
      await member
        .locator('.ant-card')
        .filter({ hasText: '我的承诺' })
        .getByRole('button', { name: /发\s*布/ })
        .click();
      await member.getByText('承诺已发布').first().waitFor();
      const me = (
        await apiAs<{ data: { member: { name: string; branchName: string; branchOrgId: number } } }>(
          member,
          'GET',
          '/api/party/me',
        )
      ).body.data.member;

      const secretary = await open('secretary', { viewport: DESK });
      await secretary.goto('/party/commitments');
      const row = secretary.locator('.ant-table-row').filter({ hasText: me.branchName });
      await row.waitFor();
      const before = (
        await apiAs<{ data: { branchId: number; unfulfilled: number; pending: number }[] }>(
          secretary,
          'GET',
          `/api/party/commitments/branches?year=${new Date().getFullYear()}&pageSize=100`,
        )
      ).body.data.find((b) => b.branchId === me.branchOrgId)!;
      await row.click();
      const panel = secretary.getByTestId('branch-commitments');
      const item = panel.locator('.ant-list-item').filter({ hasText: content });
      await item.waitFor();
      await item.getByRole('button', { name: '未践诺' }).click();
      const dialog = secretary.getByRole('dialog');
      // The note is required for "not fulfilled".
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.getByText('评定为未践诺时须填写说明').waitFor();
      await dialog.getByLabel('评定说明').fill('本季度仅完成两次，未达承诺');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await secretary.getByText('已评定为未践诺').first().waitFor();
      await item.getByText('评定说明：本季度仅完成两次，未达承诺').waitFor();
      await row
        .locator('td')
        .nth(4)
        .filter({ hasText: String(before.unfulfilled + 1) })
        .waitFor();
      await saveScreenshot(secretary, 'party-commitments-desk');

      // The member sees the verdict on their own page.
      await member.reload();
      await member.locator('.ant-list-item').filter({ hasText: content }).getByText('未兑现').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
