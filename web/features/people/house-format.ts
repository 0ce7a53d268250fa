import type { HouseParts, NearbyComponent } from './types';

/** The address parts of a house as the rows of its detail card (unit and floor only when recorded). */
export function addressRows(parts: HouseParts): { label: string; value: string }[] {
  return [
    { label: '社区', value: parts.community },
    { label: '网格', value: parts.grid },
    { label: '小区', value: parts.estate },
    { label: '楼栋', value: parts.building },
    ...(parts.unit ? [{ label: '单元', value: `${parts.unit}单元` }] : []),
    ...(parts.floor ? [{ label: '楼层', value: `${parts.floor}层` }] : []),
    { label: '房号', value: parts.room },
  ];
}

/** A residence period as people read it: 2024-03-01 至 2025-06-01, 2024-03-01 起（在住）, 日期不详. */
export function residencePeriod(fromOn: string | null, toOn: string | null): string {
  if (toOn) return `${fromOn ?? '日期不详'} 至 ${toOn}`;
  return fromOn ? `${fromOn} 起（在住）` : '在住（入住日期不详）';
}

/** One option of the component picker: name, 16-digit code, state and distance. */
export function componentLabel(c: Pick<NearbyComponent, 'name' | 'componentCode' | 'state' | 'metres'>): string {
  return `${c.name} ${c.componentCode}（${c.state}，约 ${Math.round(c.metres)} 米）`;
}
