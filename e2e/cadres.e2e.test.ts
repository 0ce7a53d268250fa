import { describe, expect, it } from 'vitest';
import { chooseOption, clickInside, saveScreenshot } from './harness.ts';
import { apiAs, DESK, signedInPages, useServerAndBrowser } from './support/suite.ts';

describe('cadres and positions', () => {
  const suite = useServerAndBrowser();

  it('the secretary appoints a mediator in a grid, and the grid card shows the post beside the force roster', async () => {
    const { open, errors, close } = signedInPages(suite);
    try {
      const secretary = await open('secretary', { viewport: DESK });
      const me = (await apiAs<{ data: { scope: { nodeId: number } } }>(secretary, 'GET', '/api/me')).body.data;
      const grids = (
        await apiAs<{ data: { id: number; level: string }[] }>(
          secretary,
          'GET',
          `/api/org/nodes/${me.scope.nodeId}/children?pageSize=200`,
        )
      ).body.data.filter((n) => n.level === 'grid');
      const gridId = grids[0]!.id;
      const name = `调解${Date.now().toString(36).slice(-3)}`;
      const created = await apiAs(secretary, 'POST', '/api/cadres', {
        name,
        gender: '女',
        unit: '退休党员',
        nodeId: me.scope.nodeId,
        partyMember: true,
      });
      expect(created.status).toBe(201);

      await secretary.goto(`/cadres/posts?nodeId=${gridId}`);
      await secretary.getByRole('button', { name: /任\s*职/ }).click();
      const dialog = secretary.getByRole('dialog');
      await dialog.getByLabel('人员（干部库）').fill(name);
      await secretary.locator('.ant-select-item-option').filter({ hasText: name }).click();
      await chooseOption(secretary, dialog.getByLabel('岗位'), '矛盾调解员');
      await dialog.getByRole('button', { name: /任\s*职/ }).click();
      await secretary.getByText('已任职').first().waitFor();
      await secretary.locator('.ant-table-row').filter({ hasText: name }).waitFor();

      await secretary.getByRole('menuitem', { name: /一张图/ }).click();
      const grid = secretary.locator(`path[data-grid-id="${gridId}"]`);
      await grid.waitFor({ timeout: 30_000 });
      await clickInside(grid);
      const posts = secretary.getByTestId('card-posts');
      await posts.getByText(`${name}：矛盾调解员`).waitFor();
      const forces = secretary.getByTestId('card-forces');
      await forces
        .getByText(/社区民警：.*\*\*\*\*/)
        .first()
        .waitFor();
      expect(await forces.textContent()).not.toMatch(/1\d{10}/);
      await saveScreenshot(secretary, 'cadres-grid-card');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
