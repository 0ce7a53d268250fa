import { describe, expect, it } from 'vitest';
import { postBody, postFormValues } from './post-form';

describe('post form', () => {
  it('starts a new post with one service item and edits a copy of an existing one', () => {
    expect(postFormValues(null).items).toHaveLength(1);
    const post = {
      id: 1,
      name: '平安建设宣传员',
      duties: '巡防',
      period: 'month' as const,
      targetPoints: 6,
      items: [{ code: 'safety_patrol', label: '巡防一次', sourceKind: 'manual', points: 2 }],
    };
    const values = postFormValues(post);
    values.items[0]!.points = 9;
    expect(post.items[0]!.points).toBe(2);
    expect(values).toMatchObject({ name: '平安建设宣传员', period: 'month', targetPoints: 6 });
  });

  it('sends trimmed text and lower-case codes', () => {
    expect(
      postBody({
        name: ' 法制建设宣传员 ',
        duties: ' 宣传 ',
        period: 'quarter',
        targetPoints: 10,
        items: [{ code: ' Legal_Promo ', label: ' 宣讲 ', sourceKind: 'manual', points: 2 }],
      }),
    ).toEqual({
      name: '法制建设宣传员',
      duties: '宣传',
      period: 'quarter',
      targetPoints: 10,
      items: [{ code: 'legal_promo', label: '宣讲', sourceKind: 'manual', points: 2 }],
    });
  });
});
