import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from './harness.ts';
import { useServerAndBrowser } from './support/suite.ts';

const PASSWORD = process.env.GH_DEMO_PASSWORD || 'gridhive2026';
type Position = [number, number];

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const csrf = (await page.context().cookies()).find((c) => c.name.includes('csrf'))?.value ?? '';
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.ok(), `${method} ${url} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as { data: Record<string, unknown> };
}

/** A point the server's grid lookup places in `gridId`, sampled across the grid's box. */
async function pointInGrid(page: Page, gridId: number): Promise<Position> {
  const layer = (await (await page.request.get(`/api/org/nodes/${gridId}/grids`)).json()) as {
    features: { id: number; geometry: { coordinates: Position[][] } }[];
  };
  const ring = layer.features.find((f) => f.id === gridId)!.geometry.coordinates[0]!;
  const [xs, ys] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
  for (let i = 1; i < 16; i++) {
    const p: Position = [
      Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 16,
      (Math.min(...ys) + Math.max(...ys)) / 2,
    ];
    const res = await page.request.get(`/api/org/locate?lng=${p[0]}&lat=${p[1]}`);
    if (res.ok() && ((await res.json()) as { data: { id: number } }).data.id === gridId) return p;
  }
  throw new Error(`no point inside grid ${gridId}`);
}

describe('big screen', () => {
  const suite = useServerAndBrowser();

  it('updates the case panels live when a case changes state, without a reload', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 1920, height: 1080 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('secretary');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').waitFor();

    await page.goto('/bigscreen');
    await page
      .getByTestId('today-total')
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await saveScreenshot(page, 'bigscreen-failed');
        throw e;
      });
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const figure = async (id: string) =>
      Number((await page.getByTestId(id).locator('.bs-figure-value').textContent())?.replace(/\D/g, '') || 0);
    const before = await figure('today-total');

    const me = (await api(page, 'GET', '/api/me')) as unknown as { data: { scope: { path: string } } };
    const communityId = me.data.scope.path.split('/').filter(Boolean)[2];
    const grids = (await api(page, 'GET', `/api/org/nodes/${communityId}/grids`)) as unknown as {
      features: { id: number }[];
    };
    const gridId = grids.features[0]!.id;
    const [lng, lat] = await pointInGrid(page, gridId);
    const created = await api(page, 'POST', '/api/cases', {
      title: '大屏联动测试案件',
      description: '井盖松动，行人经过有响声',
      lng,
      lat,
    });
    await expect.poll(() => figure('today-total'), { timeout: 20_000 }).toBe(before + 1);

    const id = created.data.id as number;
    // Accepting needs a category: take the first leaf of the category tree.
    const tree = (await api(page, 'GET', '/api/cases/categories')).data as unknown as {
      id: number;
      children?: { id: number }[];
    }[];
    const categoryId = tree.find((c) => c.children?.length)!.children![0]!.id;
    await api(page, 'POST', `/api/cases/${id}/accept`, { version: created.data.version, categoryId });
    await expect.poll(() => page.getByTestId('today-accepted').count(), { timeout: 45_000 }).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await saveScreenshot(page, 'bigscreen-1920x1080');
    await context.close();
  }, 120_000);
});
