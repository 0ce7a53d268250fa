import { describe, expect, it } from 'vitest';
import { inboxTabsFor } from './inbox-tabs';

describe('inboxTabsFor', () => {
  it('gives dispatchers every step plus supervision of overdue cases', () => {
    const tabs = inboxTabsFor({ abilities: ['cases.read', 'cases.dispatch', 'cases.report'] });
    expect(tabs.map((t) => t.label)).toEqual([
      '待受理',
      '待派遣',
      '办理中',
      '延期审批',
      '待结案',
      '超时督办',
      '挂账',
      '全部',
    ]);
    expect(tabs.find((t) => t.key === 'overdue')?.filter).toEqual({ deadline: 'red' });
  });

  it('gives grid workers their checks and what was dispatched to them', () => {
    const tabs = inboxTabsFor({ abilities: ['cases.read', 'cases.report', 'cases.verify'] });
    expect(tabs.map((t) => t.label)).toEqual(['待核查', '待处置', '全部']);
    expect(tabs[1]!.filter.mine).toBe(true);
  });

  it("limits department handlers to their department's cases", () => {
    expect(inboxTabsFor({ abilities: ['cases.read', 'cases.handle'] }).every((t) => t.filter.mine)).toBe(true);
  });
});
