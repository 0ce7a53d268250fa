import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

interface PickNode {
  id: number;
  name: string;
}

describe('residents sign up (居民注册) and are verified (实名核验)', () => {
  const suite = useServerAndBrowser();

  it('a resident registers on the phone, waits, and after the secretary verifies them lands on their own to-do list', async () => {
    const residentContext = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
    });
    const deskContext = await suite.browser.newContext({ baseURL: suite.baseUrl, locale: 'zh-CN', viewport: DESK });
    try {
      const secretary = await signIn(deskContext, 'secretary');
      const community = (
        await apiAs<{ data: { scope: { nodeId: number; name: string } } }>(secretary, 'GET', '/api/me')
      ).body.data.scope;
      const estates = (
        await apiAs<{ data: PickNode[] }>(secretary, 'GET', `/api/public/nodes/${community.nodeId}/children`)
      ).body.data;
      const buildings = (
        await apiAs<{ data: PickNode[] }>(secretary, 'GET', `/api/public/nodes/${estates[0]!.id}/children`)
      ).body.data;
      const houses = (
        await apiAs<{ data: PickNode[] }>(secretary, 'GET', `/api/public/nodes/${buildings[0]!.id}/children`)
      ).body.data;

      const page = await residentContext.newPage();
      await page.goto('/login');
      await page.getByRole('link', { name: '居民注册' }).click();
      await page.getByLabel('真实姓名').fill('陈晓红');
      await page.getByLabel('手机号').fill(`139${String(Date.now()).slice(-8)}`);
      const pick = async (label: string, text: string, type?: string) => {
        const box = page.getByRole('combobox', { name: label });
        await box.click();
        if (type) await box.fill(type);
        await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
      };
      await pick('社区', community.name, community.name.slice(0, 2));
      await pick('小区', estates[0]!.name);
      await pick('楼栋', buildings[0]!.name);
      await pick('房屋', houses[0]!.name);
      await page.getByLabel('用户名').fill(`e2e${Date.now() % 1_000_000}`);
      await page.getByLabel('密码', { exact: true }).fill('Lantern-orchard-47!');
      await page.getByLabel('确认密码').fill('Lantern-orchard-47!');
      await page.getByRole('button', { name: '提交注册' }).click();
      await page.getByText('等待社区实名核验').waitFor();
      await saveScreenshot(page, 'signup-pending-phone');

      // The secretary opens 实名核验, sends it back with a note, the resident reads it.
      await secretary.goto('/signups');
      await secretary.getByRole('cell', { name: '陈晓红' }).first().click();
      await secretary.getByPlaceholder(/退回原因/).fill('房号与登记不符，请核对');
      await secretary.getByRole('button', { name: /退\s*回/ }).click();
      await page.reload();
      await page.getByText('退回原因：房号与登记不符，请核对').waitFor();

      // Resubmitted as-is via the form, then verified against a resident registered in base data.
      await page.getByRole('button', { name: '修改信息并重新提交' }).click();
      await page.getByRole('button', { name: '重新提交核验' }).click();
      await page.getByText('等待社区实名核验').waitFor();
      const list = (
        await apiAs<{ data: { id: number; displayName: string }[] }>(
          secretary,
          'GET',
          '/api/accounts/signups?state=pending',
        )
      ).body.data;
      const mine = list.find((s) => s.displayName === '陈晓红')!;
      await secretary.reload();
      await secretary.getByRole('cell', { name: '陈晓红' }).first().click();
      const detail = (
        await apiAs<{ data: { candidates: { id: number }[] } }>(secretary, 'GET', `/api/accounts/signups/${mine.id}`)
      ).body.data;
      expect(detail.candidates.length).toBeGreaterThan(0); // the demo seed registers 1–4 people per house
      await saveScreenshot(secretary, 'signup-verify-desk');
      await secretary.getByRole('button', { name: '核验通过' }).first().click();
      await secretary.getByRole('button', { name: /确\s*定|OK/ }).click();
      // The list may still show the row until the verification's answer arrives: wait for the server's word.
      const verifiedIds = async () =>
        (
          await apiAs<{ data: { id: number }[] }>(secretary, 'GET', '/api/accounts/signups?state=verified')
        ).body.data.map((v) => v.id);
      await expect.poll(verifiedIds, { timeout: 15_000 }).toContain(mine.id);
      // Reloaded, the verified resident's app opens on their home (工作台) at once.
      await page.reload();
      await page.getByText('我的待办').waitFor();
      await page.getByTestId('todo-cases.myOpen').waitFor();
      await saveScreenshot(page, 'signup-verified-home-phone');
    } finally {
      await residentContext.close();
      await deskContext.close();
    }
  });
});
