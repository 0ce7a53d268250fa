import { describe, expect, it } from 'vitest';
import { shanghaiToday } from '../server/platform/calendar/local-day.ts';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

interface Detail {
  data: { id: number; findingList: { caseId: number; caseNo: string; caseState: string }[] };
}

// antd spaces two-character button labels (保 存, 签 到, 上 报), hence the regexes.
describe('joint patrol (联合巡查)', () => {
  const suite = useServerAndBrowser();

  it('the street plans a patrol with the department handler, who checks in on the phone and reports a finding that becomes a dispatched case', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const street = await open('street', { viewport: DESK });
      // The form proposes the next full hour; after 23:00 in Shanghai that is tomorrow, when the
      // server rightly refuses check-ins. The planner's browser therefore reads 10:00 of today's
      // Shanghai date (time flows on from there; the server keeps the real clock).
      await street.clock.setSystemTime(new Date(`${shanghaiToday()}T10:00:00+08:00`));
      const dept = await open('dept', { viewport: PHONE, isMobile: true, hasTouch: true });
      const deptName = (await apiAs<{ data: { displayName: string } }>(dept, 'GET', '/api/me')).body.data.displayName;
      const title = `门前三包联合巡查${Date.now().toString(36).slice(-4)}`;

      // 1. The street plans it in the demo community with the urban management handler.
      await street.goto('/patrols');
      await street.getByRole('button', { name: /新建巡查/ }).click();
      const form = street.getByRole('dialog');
      await form.getByLabel('巡查主题').fill(title);
      await form.getByRole('combobox', { name: '巡查范围' }).click();
      await street.locator('.ant-select-item-option').filter({ hasText: '路南社区' }).first().click();
      await form.locator('.ant-modal-title').click(); // closes the scope dropdown before the next field
      await street.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' }); // closing animation
      await form.getByRole('combobox', { name: '参加成员' }).click();
      await form.getByRole('combobox', { name: '参加成员' }).fill(deptName);
      await street.locator('.ant-select-item-option').filter({ hasText: deptName }).first().click();
      await form.getByRole('combobox', { name: '参加成员' }).fill('网格');
      await street.locator('.ant-select-item-option').filter({ hasText: '网格' }).first().click();
      await form.locator('.ant-modal-title').click(); // closes the dropdown, not the dialog
      await street.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' }); // closing animation
      await form.getByRole('combobox', { name: '巡查路线' }).click();
      const gridOptions = street.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await gridOptions.first().waitFor();
      await gridOptions.nth(0).click();
      await gridOptions.nth(1).click();
      await form.locator('.ant-modal-title').click(); // closes the dropdown, not the dialog
      await form.getByRole('button', { name: /保\s*存/ }).click();
      await street.waitForURL(/\/patrols\/\d+$/);
      await street.getByText(title).first().waitFor();
      const planId = Number(new URL(street.url()).pathname.split('/').pop());
      await saveScreenshot(street, 'joint-patrol-plan-desk');

      // 2. The department handler opens today's patrol on the phone, checks in at the first grid, reports a finding.
      await dept.goto(`/patrols/today?plan=${planId}`);
      await dept.getByText(title).first().waitFor();
      await dept
        .getByRole('button', { name: /^签\s*到$/ })
        .first()
        .click();
      await dept
        .getByRole('button', { name: /已签到/ })
        .first()
        .waitFor();
      await dept
        .getByRole('button', { name: /上报问题/ })
        .first()
        .click();
      const finding = dept.getByRole('dialog');
      await finding.getByLabel('问题类别').click();
      await dept.getByRole('menuitemcheckbox', { name: '市容环境' }).click();
      await dept.getByRole('menuitemcheckbox', { name: '暴露垃圾' }).click();
      await finding.getByLabel('问题描述').fill('沿街商铺门前暴露垃圾堆放');
      await finding.getByRole('button', { name: /上\s*报/ }).click();
      await dept
        .getByText(/已上报，案件编号/)
        .first()
        .waitFor();
      expect(await dept.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        1,
      );
      await saveScreenshot(dept, 'joint-patrol-phone');

      // 3. The case exists, dispatched to the department, and the handler finds it.
      const detail = (await apiAs<Detail>(street, 'GET', `/api/patrols/${planId}`)).body.data;
      expect(detail.findingList).toHaveLength(1);
      const [found] = detail.findingList;
      expect(found!.caseState).toBe('dispatched');
      await dept.goto(`/cases/${found!.caseId}`);
      await dept.getByText('联合巡查发现：暴露垃圾').first().waitFor();
      await street.goto(`/patrols/${planId}/figures`);
      await street.getByText('转为案件').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
