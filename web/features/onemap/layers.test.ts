import { describe, expect, it } from 'vitest';
import type { MapLayers } from '../../../contracts/analytics.ts';
import { CASE_KINDS, caseKind, gridIdOf, projectCases, stationTitle } from './layers';

const project = ([lng, lat]: number[]): [number, number] => [lng! * 10, lat! * 10];

describe('one map layers', () => {
  it('splits case points by colour and projects each as x, y pairs', () => {
    const cases: MapLayers['cases'] = [
      { id: 1, lng: 1, lat: 2, state: 'dispatched', overdue: true },
      { id: 2, lng: 3, lat: 4, state: 'reported', overdue: false },
      { id: 3, lng: 5, lat: 6, state: 'rated', overdue: false },
      { id: 4, lng: 7, lat: 8, state: 'handled', overdue: false },
    ];
    const dots = projectCases(cases, project);
    expect([...dots.overdue]).toEqual([10, 20]);
    expect([...dots.open]).toEqual([30, 40, 70, 80]);
    expect([...dots.done]).toEqual([50, 60]);
    expect(cases.map(caseKind)).toEqual(['overdue', 'open', 'done', 'open']);
    // Overdue is drawn last, on top of the others.
    expect(CASE_KINDS.at(-1)).toBe('overdue');
  });

  it('reads the grid id from the end of its path', () => {
    expect(gridIdOf('/1/7/42/300/')).toBe(300);
  });

  it("says when a station's point is only its community's centre", () => {
    const station: MapLayers['stations'][number] = {
      id: 1,
      name: '沧浪新城社区党群服务驿站',
      address: '社区服务中心一楼',
      hours: '周一至周五 09:00–17:00',
      communityPath: '/1/2/3/',
      lng: 120,
      lat: 31,
      located: 'building',
    };
    expect(stationTitle(station)).toBe(
      '沧浪新城社区党群服务驿站\n开放时间：周一至周五 09:00–17:00\n地址：社区服务中心一楼',
    );
    expect(stationTitle({ ...station, located: 'community' })).toContain('（位置为社区中心，示意）');
  });
});
