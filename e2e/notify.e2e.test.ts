import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './harness.ts';
import { apiAs, DESK, signedInPages, useServerAndBrowser } from './support/suite.ts';

// antd spaces two-character button labels (保 存, 订 阅), hence the regexes.
describe('notices beyond the app: 通知方式 and 区域订阅', () => {
  const suite = useServerAndBrowser();

  it('a volunteer chooses e-mail for area alerts and subscribes to the community; a new case there is mailed', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const volunteer = await open('volunteer', { viewport: DESK });
      await volunteer.goto('/profile/notify');
      await volunteer.getByLabel('电子邮件地址').fill('volunteer@example.cn');
      await volunteer.getByRole('checkbox', { name: /区域订阅.*电子邮件/ }).check();
      await volunteer.getByRole('button', { name: /保\s*存/ }).click();
      await volunteer.getByText('通知方式已保存').waitFor();
      // SMS has no configuration on this server: shown as 未配置, nothing to tick.
      await volunteer.getByText('未配置').first().waitFor();
      expect(await volunteer.getByRole('checkbox', { name: /短信/ }).count()).toBe(0);

      await volunteer.goto('/profile/areas');
      await volunteer.getByRole('combobox').first().click();
      await volunteer.locator('.ant-select-item-option').first().click();
      await volunteer.getByRole('checkbox', { name: '已结案' }).check();
      await volunteer.getByRole('button', { name: /订\s*阅/ }).click();
      await volunteer.getByText('已订阅', { exact: true }).waitFor();
      const row = volunteer.locator('.ant-table-row').first();
      await row.getByText('新问题').waitFor();
      await row.getByText('已结案').waitFor();
      await saveScreenshot(volunteer, 'notify-area-subscriptions');

      const resident = await open('resident', { viewport: DESK });
      const title = `楼道灯不亮${Date.now().toString(36).slice(-4)}`;
      const reported = await apiAs(resident, 'POST', '/api/cases', {
        title,
        description: '二单元楼道灯坏了三天',
        address: '二单元楼道',
      });
      expect(reported.status).toBe(201);
      const inbox = (await apiAs<{ data: { kind: string; text: string }[] }>(volunteer, 'GET', '/api/notifications'))
        .body.data;
      expect(inbox.find((n) => n.kind === 'area.new')?.text).toContain(title);

      // The job queue hands the e-mail to the SMTP server; the administrator's send log shows it sent.
      const admin = await open('street', { viewport: DESK });
      const sentMail = async () =>
        (
          await apiAs<{ data: { recipientMasked: string; status: string }[] }>(
            admin,
            'GET',
            '/api/notify/deliveries?channel=email',
          )
        ).body.data.find((d) => d.recipientMasked === 'v***@example.cn' && d.status === 'sent');
      for (let i = 0; i < 60 && !(await sentMail()); i++) await admin.waitForTimeout(1000);
      expect(await sentMail()).toBeTruthy();
      // The machine running the suite may be busy: the page gets a generous load time.
      await admin.goto('/settings/deliveries', { timeout: 120_000 });
      await admin
        .locator('.ant-table-row')
        .filter({ hasText: 'v***@example.cn' })
        .filter({ hasText: '已发送' })
        .first()
        .waitFor();
      await saveScreenshot(admin, 'notify-deliveries');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }, 360_000);
});
