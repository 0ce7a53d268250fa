import { describe, expect, it } from 'vitest';
import { addressRows, componentLabel, residencePeriod } from './house-format';

describe('house detail formatting', () => {
  it('lists the address parts, leaving out a unit or floor that was not recorded', () => {
    const parts = {
      community: '路南社区',
      grid: '第1网格',
      estate: '桐芳村',
      building: '3幢',
      unit: '2',
      floor: null,
      room: '301室',
    };
    expect(addressRows(parts).map((r) => `${r.label}:${r.value}`)).toEqual([
      '社区:路南社区',
      '网格:第1网格',
      '小区:桐芳村',
      '楼栋:3幢',
      '单元:2单元',
      '房号:301室',
    ]);
  });

  it('reads residence periods, open or closed', () => {
    expect(residencePeriod('2024-03-01', '2025-06-01')).toBe('2024-03-01 至 2025-06-01');
    expect(residencePeriod('2025-06-01', null)).toBe('2025-06-01 起（在住）');
    expect(residencePeriod(null, null)).toBe('在住（入住日期不详）');
    expect(residencePeriod(null, '2025-06-01')).toBe('日期不详 至 2025-06-01');
  });

  it('labels a nearby component with its code, state and rounded distance', () => {
    expect(componentLabel({ name: '污水井盖', componentCode: '3205080101000002', state: '破损', metres: 47.6 })).toBe(
      '污水井盖 3205080101000002（破损，约 48 米）',
    );
  });
});
