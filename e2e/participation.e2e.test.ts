import { describe, expect, it } from 'vitest';
import { apiAs, DESK, PHONE, signedInPages, useServerAndBrowser } from './support/suite.ts';

// antd spaces two-character button labels (投 票), hence the regexes.

describe('居民参与 and the public portal', () => {
  const suite = useServerAndBrowser();

  it('a verified resident votes on micro-projects once, and an anonymous visitor reads the portal without personal data', async () => {
    const pages = signedInPages(suite);
    try {
      const volunteer = await pages.open('volunteer', { viewport: PHONE, isMobile: true, hasTouch: true });
      await volunteer.goto('/participation');
      await volunteer.getByRole('tab', { name: '微项目投票' }).click();
      await volunteer.getByRole('link', { name: '2026 年度社区微项目投票' }).click();
      await volunteer.getByText('候选项目').first().waitFor();
      await volunteer.getByRole('checkbox', { name: /楼道照明改造/ }).check();
      await volunteer.getByRole('checkbox', { name: /社区图书角/ }).check();
      await volunteer.getByRole('button', { name: /投\s*票（已选 2\/2）/ }).click();
      await volunteer.getByText('您已投票（2 个项目）').waitFor();
      // A second ballot of the same resident is refused by the server (unique per round and resident).
      const me = await apiAs<{ data: { scope: { code: string }; displayName: string } }>(volunteer, 'GET', '/api/me');
      const rounds = await apiAs<{ data: { id: number; title: string; projects: { id: number }[] }[] }>(
        volunteer,
        'GET',
        '/api/participation/votes',
      );
      const round = rounds.body.data.find((r) => r.title === '2026 年度社区微项目投票')!;
      const again = await apiAs(volunteer, 'POST', `/api/participation/votes/${round.id}/ballots`, {
        projectIds: [round.projects[1]!.id],
      });
      expect(again.status).toBe(409);

      // Anyone, without signing in, opens the community's portal (完美社区网).
      const anonymous = await suite.browser.newContext({
        baseURL: suite.baseUrl,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: DESK,
      });
      try {
        const portal = await anonymous.newPage();
        const errors: string[] = [];
        portal.on('pageerror', (err) => errors.push(err.message));
        await portal.goto(`/portal/${me.body.data.scope.code.slice(0, 12)}`);
        await portal.getByText('完美社区网').first().waitFor();
        await portal.getByText('2026 年上半年微项目投票').first().waitFor();
        await portal.getByText('四议两公开').first().waitFor();
        await portal.getByText('老旧小区加装电梯及停车位改造方案征求意见').first().waitFor();
        expect(portal.url()).not.toContain('/login');
        const text = await portal.locator('body').innerText();
        expect(text).not.toContain(me.body.data.displayName);
        // The open round's running count is not on the portal.
        expect(text).not.toContain('2026 年度社区微项目投票');
        expect(errors).toEqual([]);
      } finally {
        await anonymous.close();
      }
      expect(pages.errors).toEqual([]);
    } finally {
      await pages.close();
    }
  });
});
