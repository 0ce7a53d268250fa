import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

type Org = { id: number; kind: string; name: string };

// antd spaces two-character button labels (设 立, 保 存 …), hence the regexes.
describe('party organisations (党组织)', () => {
  const suite = useServerAndBrowser();

  it('the community secretary creates a group under a grid branch, renames it, registers a co-building unit, pairs it with the grid and retires the group', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const page = await open('secretary', { viewport: DESK });
      const top = (await apiAs<{ data: Org[] }>(page, 'GET', '/api/party/orgs')).body.data;
      expect(top).toHaveLength(1);
      const branches = (
        await apiAs<{ data: Org[] }>(page, 'GET', `/api/party/orgs?parentId=${top[0]!.id}`)
      ).body.data.filter((o) => o.kind === 'grid_branch');
      const branch = branches[branches.length - 1]!;
      const suffix = Date.now().toString(36).slice(-4);
      const groupName = `巾帼志愿党小组${suffix}`;
      const renamed = `巾帼先锋党小组${suffix}`;
      const unitName = `姑苏燃气公司${suffix}`;

      await page.goto('/party/orgs');
      // The secretary's one top organisation (the joint committee) opens by itself.
      await page.getByTestId('party-org-title').filter({ hasText: top[0]!.name }).waitFor();
      await page.getByTestId(`party-org-${branch.id}`).click();
      await page.getByTestId('party-org-title').filter({ hasText: branch.name }).waitFor();
      await page.getByText('党员与岗位').waitFor();

      // 1. A functional group under the grid branch.
      await page.getByRole('button', { name: '设立下级组织' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('组织类型').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '功能型党小组' }).click();
      await dialog.getByLabel('组织名称').fill(groupName);
      await dialog.getByLabel('书记（组长）').fill('陈红');
      await dialog.getByRole('button', { name: /设\s*立/ }).click();
      await page.getByText('党组织已设立').first().waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // The new group is shown at once, opened in the tree under its branch.
      await page.getByTestId('party-org-title').filter({ hasText: groupName }).waitFor();
      await page.locator('.ant-tree-treenode').filter({ hasText: groupName }).waitFor();

      // 2. Rename it.
      await page.getByRole('button', { name: /修\s*改/ }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('组织名称').fill(renamed);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId('party-org-title').filter({ hasText: renamed }).waitFor();
      await page.locator('.ant-tree-treenode').filter({ hasText: renamed }).waitFor();

      // 3. Register a co-building unit and pair it with the grid (its branch).
      await page.getByTestId(`party-org-${branch.id}`).click();
      await page.getByTestId('party-org-title').filter({ hasText: branch.name }).waitFor();
      await page.getByRole('tab', { name: /结对共建/ }).click();
      await page.getByRole('button', { name: '添加结对' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: '登记新单位' }).click();
      const unitForm = dialog.getByTestId('co-unit-form');
      await unitForm.getByLabel('单位名称').fill(unitName);
      await unitForm.getByLabel('单位类型').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '企业' }).click();
      await unitForm.getByLabel('联系人').fill('周强');
      await unitForm.getByRole('button', { name: /登\s*记/ }).click();
      await page.getByText(`已登记共建单位「${unitName}」`).first().waitFor();
      await dialog.getByLabel('共建内容').fill('燃气安全进楼栋');
      await dialog.getByRole('button', { name: /结\s*对/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const pairings = page.locator('.ant-list-item').filter({ hasText: unitName });
      await pairings.waitFor();
      expect(await pairings.textContent()).toContain('支部结对共建');

      // 4. Retire the group: it leaves the tree.
      await page.locator('.ant-tree-treenode').filter({ hasText: renamed }).click();
      await page.getByTestId('party-org-title').filter({ hasText: renamed }).waitFor();
      await page.getByRole('button', { name: /撤\s*销/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /撤\s*销/ })
        .click();
      await page.getByText('已撤销').first().waitFor();
      await page.locator('.ant-tree-treenode').filter({ hasText: renamed }).waitFor({ state: 'detached' });
      await saveScreenshot(page, 'party-orgs-desk');

      // What the page showed is what the server holds.
      const detail = (
        await apiAs<{ data: { pairings: { coUnitName: string }[] } }>(page, 'GET', `/api/party/orgs/${branch.id}`)
      ).body.data;
      expect(detail.pairings.map((p) => p.coUnitName)).toContain(unitName);
      const withRetired = (
        await apiAs<{ data: { name: string; retiredAt: string | null }[] }>(
          page,
          'GET',
          `/api/party/orgs?parentId=${branch.id}&retired=true`,
        )
      ).body.data;
      expect(withRetired.find((o) => o.name === renamed)?.retiredAt).toBeTruthy();

      // On a phone the community worker reads the same tree and members, with no way to change it.
      const phone = await open('staff', { viewport: PHONE, isMobile: true, hasTouch: true });
      await phone.goto('/party/orgs');
      await phone.getByTestId('party-org-title').filter({ hasText: top[0]!.name }).waitFor();
      await phone.getByTestId(`party-org-${branch.id}`).click();
      await phone.getByTestId('party-org-title').filter({ hasText: branch.name }).waitFor();
      await phone.locator('.ant-table-row').first().waitFor();
      expect(await phone.getByRole('button', { name: '设立下级组织' }).count()).toBe(0);
      expect(await pageOverflow(phone)).toBeLessThanOrEqual(1);
      await saveScreenshot(phone, 'party-orgs-phone');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Pixels the page is wider than the phone's screen (0 when nothing scrolls sideways). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
