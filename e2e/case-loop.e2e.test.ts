import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { saveScreenshot, settle } from './harness.ts';
import { DESK, PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

type Position = [number, number];

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), `${url} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** A point the server's own grid lookup places in `gridId`: sampled across the grid's box. */
async function pointInGrid(page: Page, gridId: number): Promise<Position> {
  const layer = await json<{ features: { id: number; geometry: { type: string; coordinates: unknown } }[] }>(
    page,
    `/api/org/nodes/${gridId}/grids`,
  );
  const grid = layer.features.find((f) => f.id === gridId)!;
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

const photo = async (colour: string) => ({
  name: `${colour.slice(1)}.png`,
  mimeType: 'image/png',
  buffer: await sharp({ create: { width: 96, height: 64, channels: 3, background: colour } })
    .png()
    .toBuffer(),
});

async function uploadPhoto(page: Page, scope: Page | ReturnType<Page['getByRole']>, colour: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await scope.getByText('上传照片').click();
  await (await chooser).setFiles(await photo(colour));
  // The thumbnail appears once the server has answered with the photo's id.
  await expect
    .poll(() => scope.getByRole('img', { name: `${colour.slice(1)}.png` }).count(), { timeout: 15_000 })
    .toBe(1);
}

/** Opens the action's dialog from the case page, lets `fill` complete it, and confirms. */
async function act(
  page: Page,
  action: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`${action}成功`).first().waitFor();
}

describe('case closed loop', () => {
  const suite = useServerAndBrowser();

  it('goes from a resident’s pinned report, seen live by the secretary, through the department and the grid worker, to a 5-star rating', async () => {
    const base = { baseURL: suite.baseUrl, locale: 'zh-CN' };
    const contexts: BrowserContext[] = [];
    const open = async (username: string, options: Parameters<Browser['newContext']>[0]) => {
      const context = await suite.browser.newContext({ ...base, ...options });
      contexts.push(context);
      const page = await signIn(context, username);
      page.on('pageerror', (err) => pageErrors.push(`${username}: ${err.message}`));
      return page;
    };
    const pageErrors: string[] = [];
    try {
      const secretary = await open('secretary', { viewport: DESK });
      const resident = await open('resident', {
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        permissions: ['geolocation'],
      });

      // The resident's grid is the fourth level of their scope path; stand inside it.
      const me = await json<{ data: { scope: { path: string } } }>(resident, '/api/me');
      const gridId = Number(me.data.scope.path.split('/').filter(Boolean)[3]);
      const [lng, lat] = await pointInGrid(secretary, gridId);
      await resident.context().setGeolocation({ longitude: lng, latitude: lat });

      // The secretary waits on the inbox; the marker proves the page is never reloaded.
      await secretary.goto('/cases?tab=reported');
      await secretary.getByRole('tab', { name: '待受理' }).waitFor();
      await secretary.evaluate(() => Object.assign(window, { __sameDocument: true }));

      const title = `楼下垃圾堆放 ${Date.now() % 100000}`;
      await resident.goto('/cases/report');
      await resident.getByLabel('标题').fill(title);
      await resident.getByLabel('问题描述').fill('单元门口的生活垃圾已经堆了三天，无人清运，气味很大。');
      await resident.getByRole('button', { name: '使用当前位置' }).click();
      await expect.poll(() => resident.getByTestId('pin-grid').textContent()).toContain('属于');
      await uploadPhoto(resident, resident, '#8a6d3b');
      await resident.getByRole('button', { name: /提交上报/ }).click();
      await resident.waitForURL(/\/cases\/\d+$/);
      const caseId = Number(new URL(resident.url()).pathname.split('/').pop());
      await resident.getByText('上报', { exact: true }).first().waitFor();

      // Live: the new report appears in the secretary's inbox without a reload.
      await secretary.getByRole('link', { name: title }).waitFor({ timeout: 20_000 });
      expect(await secretary.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
        true,
      );

      await secretary.getByRole('link', { name: title }).click();
      await act(secretary, '立案', async (dialog) => {
        // The dialog re-renders when the suggestion arrives, which can close an open cascader:
        // open it again until the category is picked (a person would simply click again).
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            await dialog.getByLabel('问题类别').click();
            await secretary.getByRole('menuitemcheckbox', { name: '市容环境' }).click({ timeout: 5_000 });
            await secretary.getByRole('menuitemcheckbox', { name: '暴露垃圾' }).click({ timeout: 5_000 });
            await dialog.getByText('市容环境 / 暴露垃圾').first().waitFor({ state: 'attached', timeout: 3_000 });
            break;
          } catch (error) {
            if (attempt === 4) throw error;
            await dialog
              .locator('.ant-modal-title')
              .click()
              .catch(() => undefined); // closes the dropdown, not the dialog
          }
        }
      });

      const dept = await open('dept', { viewport: PHONE, isMobile: true, hasTouch: true });
      const deptMe = await json<{ data: { departmentId: number } }>(dept, '/api/me');
      const detail = await json<{ data: { community: { id: number } } }>(secretary, `/api/cases/${caseId}`);
      const departments = await json<{ data: { id: number; name: string }[] }>(
        secretary,
        `/api/org/nodes/${detail.data.community.id}/departments`,
      );
      const deptName = departments.data.find((d) => d.id === deptMe.data.departmentId)!.name;

      await act(secretary, '派遣', async (dialog) => {
        await dialog.getByText('吹哨职能部门').click();
        const named = new RegExp(`^${deptName}（`);
        const option = secretary.locator('.ant-select-item-option').filter({ hasText: named }).first();
        // On a loaded machine a click can land while the list is still opening and miss; the list then stays
        // open over the dialog's buttons. Pick until the list has closed on the department.
        for (let attempt = 1; ; attempt++) {
          if (!(await option.isVisible())) await dialog.getByLabel('承办部门').click();
          await option.click({ timeout: 2_000 }).catch(() => {});
          const closed = await option.waitFor({ state: 'hidden', timeout: 2_000 }).then(
            () => true,
            () => false,
          );
          const shown = await Promise.all((await dialog.getByText(named).all()).map((l) => l.isVisible()));
          if (closed && shown.includes(true)) break;
          if (attempt === 5) throw new Error(`承办部门选不中 ${deptName}`);
        }
      });

      // The department handler signs and reports the fix with a photo.
      await dept.goto('/cases');
      await dept.getByRole('link', { name: title }).click();
      await act(dept, '签收');
      await act(dept, '处置反馈', async (dialog) => {
        await dialog.getByLabel('处置情况').fill('已安排环卫清运，现场已清理干净。');
        await uploadPhoto(dept, dialog, '#3b8a4f');
      });

      // The grid worker checks on site.
      const gridworker = await open('gridworker', { viewport: PHONE, isMobile: true, hasTouch: true });
      await gridworker.goto('/cases?tab=verify');
      await gridworker.getByRole('link', { name: title }).click();
      await act(gridworker, '核查', async (dialog) => {
        await dialog.getByLabel('备注').fill('现场查看，已清理。');
      });

      // The secretary's case page follows live and now offers closing.
      await secretary.getByRole('button', { name: '结案', exact: true }).waitFor({ timeout: 20_000 });
      await act(secretary, '结案');

      // The resident's page shows the close live; they rate it 5 stars.
      await resident.getByRole('button', { name: '评价', exact: true }).waitFor({ timeout: 20_000 });
      await act(resident, '评价', async (dialog) => {
        await dialog.getByRole('radio').nth(4).click();
        await dialog.getByLabel('评价内容').fill('处理及时，非常满意！');
      });
      await resident.getByText('已评价').first().waitFor();

      const final = await json<{ data: { state: string; score: number; timeline: { action: string }[] } }>(
        resident,
        `/api/cases/${caseId}`,
      );
      expect(final.data.state).toBe('rated');
      expect(final.data.score).toBe(5);
      expect(final.data.timeline.map((e) => e.action)).toEqual([
        'report',
        'accept',
        'dispatch',
        'sign',
        'handle',
        'verify',
        'close',
        'rate',
      ]);

      await settle(resident);
      await saveScreenshot(resident, 'case-loop-rated-phone');
      await saveScreenshot(secretary, 'case-loop-secretary');
      expect(pageErrors).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
