import { describe, expect, it } from 'vitest';
import { formulaVersionLabel } from '../../../contracts/rating-labels.ts';

describe('formulaVersionLabel', () => {
  it.each([
    ['branch-star/v1', '支部评星公式第 1 版'],
    ['property-month/v2', '红色物业月度公式第 2 版'],
    ['department-year/v1', '部门年度考评公式第 1 版'],
    ['unknown-kind/v3', '评价公式第 3 版'],
  ])('%s reads as %s, with no identifier left', (version, label) => {
    expect(formulaVersionLabel(version)).toBe(label);
    expect(formulaVersionLabel(version)).not.toMatch(/[a-z]/);
  });
});
