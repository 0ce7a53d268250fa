import { useMemo } from 'react';
import { useEchart } from '../../../shared/use-echart';
// Only the parts used: the full `echarts` entry would add ~700 kB to this chunk.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { IndicatorRow } from '../types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const SERIES: { key: 'reported' | 'accepted' | 'closed'; name: string; color: string }[] = [
  { key: 'reported', name: '上报', color: '#faad14' },
  { key: 'accepted', name: '立案', color: '#1677ff' },
  { key: 'closed', name: '结案', color: '#c8161d' },
];

/** Default export: loaded with React.lazy so ECharts stays out of the other pages' chunks. */
export default function IndicatorsChart({ rows }: { rows: IndicatorRow[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 40, bottom: 72 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} 件` },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { rotate: rows.length > 6 ? 40 : 0, interval: 0 },
      },
      yAxis: { type: 'value', name: '件' },
      series: SERIES.map((s) => ({
        type: 'bar',
        name: s.name,
        data: rows.map((r) => r[s.key]),
        itemStyle: { color: s.color },
        barMaxWidth: 24,
      })),
    }),
    [rows],
  );
  const ref = useEchart(echarts, option);

  return <div ref={ref} style={{ height: 320 }} role="img" aria-label="案件数量柱状图" />;
}
