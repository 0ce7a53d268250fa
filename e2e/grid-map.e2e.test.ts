import { describe, expect, it } from 'vitest';
import { clickInside, saveScreenshot } from './harness.ts';
import { useServerAndBrowser } from './support/suite.ts';

const PASSWORD = process.env.GH_DEMO_PASSWORD || 'gridhive2026';

describe('grid map', () => {
  const suite = useServerAndBrowser();

  it("shows a grid's 15-digit code and its grid worker when the community secretary clicks it", async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      await page.goto('/login');
      await page.getByLabel('用户名').fill('secretary');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('current-user').waitFor();

      await page.getByRole('menuitem', { name: /网格地图/ }).click();
      const grids = page.locator('path[data-grid-code]');
      await grids.first().waitFor();

      // The expected figures come from the API the page itself uses, not from seed constants.
      const me = (await (await page.request.get('/api/me')).json()) as {
        data: { role: string; scope: { nodeId: number } };
      };
      expect(me.data.role).toBe('community_secretary');
      const layer = (await (await page.request.get(`/api/org/nodes/${me.data.scope.nodeId}/grids`)).json()) as {
        features: { geometry: unknown }[];
      };
      expect(await grids.count()).toBe(layer.features.filter((f) => f.geometry).length);

      const first = grids.first();
      const code = await first.getAttribute('data-grid-code');
      const gridId = await first.getAttribute('data-grid-id');
      expect(code).toMatch(/^\d{15}$/);
      const detail = (await (await page.request.get(`/api/org/grids/${gridId}`)).json()) as {
        data: { gridWorker: { displayName: string } | null };
      };
      const workerName = detail.data.gridWorker?.displayName;
      expect(workerName, 'the demo seed gives every grid a grid worker').toBeTruthy();

      await clickInside(first);
      await expect.poll(() => page.getByTestId('grid-code').textContent()).toBe(code);
      await expect.poll(() => page.getByTestId('grid-worker').textContent()).toContain(workerName);
      expect(await first.getAttribute('aria-pressed')).toBe('true');

      await saveScreenshot(page, 'grid-map-drawer');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
