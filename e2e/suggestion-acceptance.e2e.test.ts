import { describe, expect, it } from 'vitest';
import { apiAs, DESK, PHONE, signIn, useServerAndBrowser } from './support/suite.ts';

interface Acceptance {
  classified: number;
  suggested: number;
  taken: number;
  reclassified: number;
  rate: number | null;
  days: number;
}
interface Suggestion {
  categories: { categoryId: number; name: string; confidence: number }[];
}

describe('采纳率 of the category suggestion', () => {
  const suite = useServerAndBrowser();

  it('counts a 立案 that keeps the suggested category and shows the rate on the indicators page, desk and phone', async () => {
    const context = await suite.browser.newContext({ baseURL: suite.baseUrl, locale: 'zh-CN', viewport: DESK });
    const page = await signIn(context, 'staff');
    const before = (await apiAs<{ data: Acceptance }>(page, 'GET', '/api/cases/suggestion-acceptance')).body.data;

    // A walk-in report, then 立案 with the category the suggestion put first.
    const reported = await apiAs<{ data: { id: number; version: number } }>(page, 'POST', '/api/cases', {
      title: '楼道堆满杂物',
      description: '3 号楼 2 单元楼道里堆满了纸箱和旧家具，堵住了消防通道，请尽快清理。',
      address: '采纳率测试地址 1 号',
    });
    expect(reported.status).toBe(201);
    const suggestion = await apiAs<{ data: Suggestion }>(page, 'GET', `/api/cases/${reported.body.data.id}/suggestion`);
    expect(suggestion.status).toBe(200);
    const top = suggestion.body.data.categories[0]!;
    expect(suggestion.body.data.categories.length).toBeGreaterThan(1);
    const accepted = await apiAs(page, 'POST', `/api/cases/${reported.body.data.id}/accept`, {
      version: reported.body.data.version,
      categoryId: top.categoryId,
    });
    expect(accepted.status).toBe(200);

    const after = (await apiAs<{ data: Acceptance }>(page, 'GET', '/api/cases/suggestion-acceptance')).body.data;
    expect(after.classified).toBe(before.classified + 1);
    expect(after.taken).toBe(before.taken + 1);
    expect(after.suggested).toBe(before.suggested + 1);
    const expected = `${Math.round(after.rate! * 100)}%（${after.taken}/${after.suggested} 件立案采用首选类别，派遣时更正 ${after.reclassified} 次）`;

    for (const viewport of [DESK, PHONE]) {
      await page.setViewportSize(viewport);
      await page.goto('/cases/indicators');
      const note = page.getByTestId('suggestion-acceptance');
      await note.waitFor({ timeout: 30_000 });
      expect(await note.textContent()).toBe(`智能分类建议采纳率（近 ${after.days} 天）：${expected}`);
      expect(await note.isVisible()).toBe(true);
    }
    await context.close();
  });
});
