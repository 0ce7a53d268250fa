import type { CohortFigures, Slice } from '../../../contracts/analytics.ts';
import type { ChartOption } from './components/Chart';

const RED = '#ff4d4f';
const GOLD = '#faad14';
const CYAN = '#36cfc9';

export function pieOption(slices: Slice[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        label: { color: '#cfe3ff', formatter: '{b} {c}' },
        data: slices.map((s) => ({ name: s.name, value: s.value })),
      },
    ],
  };
}

export function barOption(slices: Slice[], colour = CYAN): ChartOption {
  return {
    grid: { left: 110, right: 24, top: 8, bottom: 16 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', splitLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: slices.map((s) => s.name) },
    series: [
      {
        type: 'bar',
        data: slices.map((s) => s.value),
        itemStyle: { color: colour },
        barMaxWidth: 14,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** Reported and closed per month, with the on-time closing rate on a second axis. */
export function trendOption(trend: CohortFigures[]): ChartOption {
  return {
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#cfe3ff' } },
    xAxis: { type: 'category', data: trend.map((t) => t.key.slice(2)) },
    yAxis: [
      { type: 'value', name: '件' },
      { type: 'value', name: '%', max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: '上报', type: 'bar', data: trend.map((t) => t.reported), itemStyle: { color: CYAN } },
      { name: '结案', type: 'bar', data: trend.map((t) => t.closed), itemStyle: { color: GOLD } },
      {
        name: '按期结案率',
        type: 'line',
        yAxisIndex: 1,
        data: trend.map((t) => t.onTimeCloseRate),
        itemStyle: { color: RED },
        connectNulls: true,
      },
    ],
  };
}
