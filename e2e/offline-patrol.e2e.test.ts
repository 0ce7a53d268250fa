import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { apiAs, PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

type Position = [number, number];

/** A point the server's own grid lookup places in `gridId`: sampled across the grid's box. */
async function pointInGrid(page: Page, gridId: number): Promise<Position> {
  const layer = await apiAs<{ features: { id: number; geometry: { type: string; coordinates: unknown } }[] }>(
    page,
    'GET',
    `/api/org/nodes/${gridId}/grids`,
  );
  const grid = layer.body.features.find((f) => f.id === gridId)!;
  const ring = (
    grid.geometry.type === 'Polygon' ? grid.geometry.coordinates : (grid.geometry.coordinates as unknown[])[0]
  ) as Position[][];
  const xs = ring[0]!.map((p) => p[0]);
  const ys = ring[0]!.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let i = 0; i < 64; i++) {
    const lng = minX + ((maxX - minX) * (1 + ((i * 5) % 8) * 2)) / 17;
    const lat = minY + ((maxY - minY) * (1 + Math.floor(i / 8) * 2)) / 17;
    const res = await page.request.get(`/api/org/locate?lng=${lng}&lat=${lat}`);
    if (res.ok() && ((await res.json()) as { data: { id: number } }).data.id === gridId) return [lng, lat];
  }
  throw new Error(`no point found inside grid ${gridId}`);
}

describe('a grid worker without signal', () => {
  const suite = useServerAndBrowser();
  const phoneContext = () =>
    suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      permissions: ['geolocation'],
    });

  it('files a patrol report with a photo offline; it waits in 待同步 and becomes ONE case once online', async () => {
    const context = await phoneContext();
    const pageErrors: string[] = [];
    try {
      const page = await signIn(context, 'gridworker');
      page.on('pageerror', (err) => pageErrors.push(err.message));
      const me = await apiAs<{ data: { scope: { nodeId: number } } }>(page, 'GET', '/api/me');
      const [lng, lat] = await pointInGrid(page, me.body.data.scope.nodeId);
      await context.setGeolocation({ longitude: lng, latitude: lat });

      // One visit online: the service worker installs, precaches the app and takes the page.
      await page.goto('/cases/report');
      await page.getByText('巡查上报').first().waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });

      await context.setOffline(true);
      // The app opens again without a network: shell from the cache, the account remembered.
      await page.reload();
      await page.getByText('巡查上报').first().waitFor();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);

      const title = `巡查发现井盖缺失 ${Date.now() % 100000}`;
      await page.getByLabel('标题').fill(title);
      await page.getByLabel('问题描述').fill('5 号楼北侧人行道井盖缺失，已放置临时警示。');
      await page.getByRole('button', { name: '使用当前位置' }).click();
      await expect.poll(() => page.getByText('已选点').count()).toBe(1);
      const chooser = page.waitForEvent('filechooser');
      await page.getByText('上传照片').click();
      const buffer = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#54717a' } })
        .png()
        .toBuffer();
      await (await chooser).setFiles({ name: 'manhole.png', mimeType: 'image/png', buffer });
      await page.getByRole('button', { name: /提交上报/ }).click();

      // Queued on the phone: the list shows it 待同步 and the header counts it.
      await page.waitForURL(/\/cases\/outbox$/);
      const item = page.getByTestId('outbox-item').filter({ hasText: title });
      await expect.poll(() => item.getByTestId('outbox-state').textContent()).toBe('待同步');
      await expect.poll(() => item.textContent()).toContain('照片 1 张');
      await page.getByRole('button', { name: '待同步 1 条' }).waitFor();
      // The header's extra button still fits the phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );

      // Back online, the first answer is lost on the way back (the case IS filed): still 待同步.
      let lostOnce = false;
      await page.route('**/api/cases', async (route) => {
        if (route.request().method() !== 'POST' || lostOnce) return route.fallback();
        lostOnce = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await context.setOffline(false);
      await expect.poll(() => item.getByTestId('outbox-error').textContent(), { timeout: 30_000 }).toContain('网络');
      expect(lostOnce).toBe(true);
      // Sending it again (same clientRef) returns the case the lost request filed.
      await page.getByTestId('outbox-sync').click();
      await expect.poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 }).toBe('已同步');
      await page.getByRole('button', { name: '待同步 0 条' }).waitFor();

      // On the server: exactly one case, with the photo and the time it was recorded on site.
      const found = await apiAs<{ data: { id: number; title: string }[] }>(
        page,
        'GET',
        `/api/cases?mine=true&q=${encodeURIComponent(title)}`,
      );
      expect(found.status).toBe(200);
      const matching = found.body.data.filter((c) => c.title === title);
      expect(matching).toHaveLength(1);
      const detail = await apiAs<{ data: { description: string; photoIds: number[]; source: string } }>(
        page,
        'GET',
        `/api/cases/${matching[0]!.id}`,
      );
      expect(detail.body.data.photoIds).toHaveLength(1);
      expect(detail.body.data.source).toBe('patrol');
      expect(detail.body.data.description).toMatch(/（现场记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
      await expect.poll(() => item.getByTestId('outbox-case').textContent()).toContain('案件编号');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a report the server refuses as 失败 with its reason, and sends it once the worker fixes it', async () => {
    const context = await phoneContext();
    try {
      const page = await signIn(context, 'gridworker');
      await page.goto('/cases/report');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      // Somewhere far from every grid of the district.
      await context.setGeolocation({ longitude: 100.5, latitude: 20.5 });
      await context.setOffline(true);

      const title = `巡查发现占道经营 ${Date.now() % 100000}`;
      await page.getByLabel('标题').fill(title);
      await page.getByLabel('问题描述').fill('早市摊位占用人行道，行人只能走机动车道。');
      await page.getByRole('button', { name: '使用当前位置' }).click();
      await expect.poll(() => page.getByText('已选点').count()).toBe(1);
      await page.getByRole('button', { name: /提交上报/ }).click();
      await page.waitForURL(/\/cases\/outbox$/);
      const item = page.getByTestId('outbox-item').filter({ hasText: title });
      await expect.poll(() => item.getByTestId('outbox-state').textContent()).toBe('待同步');

      await context.setOffline(false);
      await expect.poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 }).toBe('失败');
      expect(await item.getByTestId('outbox-error').textContent()).toBe(
        '失败原因：该位置不在任何网格内，请重新选点或只填写地址',
      );

      // The worker drops the pin, gives the address instead and sends it again.
      await item.getByRole('button', { name: /修\s*改/ }).click();
      const dialog = page.getByRole('dialog', { name: '修改待同步上报' });
      await dialog.getByText('不用地图选点，改为只填地址').click();
      await dialog.getByLabel('详细地址').fill('本网格菜市场东侧人行道');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect.poll(() => item.getByTestId('outbox-state').textContent()).toBe('待同步');
      await page.getByTestId('outbox-sync').click();
      await expect.poll(() => item.getByTestId('outbox-state').textContent(), { timeout: 30_000 }).toBe('已同步');

      // Filed by address under the community (no grid yet): outside the grid worker's own scope,
      // so the community secretary looks it up.
      const href = await item.getByTestId('outbox-case').getAttribute('href');
      const desk = await suite.browser.newContext({ baseURL: suite.baseUrl, locale: 'zh-CN' });
      const secretary = await signIn(desk, 'secretary');
      const filed = await apiAs<{ data: { title: string; location: { address: string; lng: number | null } } }>(
        secretary,
        'GET',
        `/api/cases/${href!.split('/').pop()}`,
      );
      await desk.close();
      expect(filed.status).toBe(200);
      expect(filed.body.data).toMatchObject({ title, location: { address: '本网格菜市场东侧人行道', lng: null } });
    } finally {
      await context.close();
    }
  });
});
