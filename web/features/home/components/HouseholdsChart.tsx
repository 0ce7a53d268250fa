import { useMemo } from 'react';
import { useEchart } from '../../../shared/use-echart';
// Only the parts used here: the full `echarts` entry would add ~700 kB to this chunk.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Bar } from '../households';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Default export: loaded with React.lazy so ECharts stays out of the first page load. */
export default function HouseholdsChart({ bars }: { bars: Bar[] }) {
  const option = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 72 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} 户` },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.name),
        axisLabel: { rotate: bars.length > 8 ? 40 : 0, interval: 0 },
      },
      yAxis: { type: 'value', name: '户' },
      series: [{ type: 'bar', data: bars.map((b) => b.households), itemStyle: { color: '#c8161d' }, barMaxWidth: 36 }],
    }),
    [bars],
  );
  const ref = useEchart(echarts, option);

  return <div ref={ref} style={{ height: 320 }} role="img" aria-label="户数分布柱状图" />;
}
