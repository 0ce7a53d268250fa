import { useMemo } from 'react';
import { useEchart } from '../../../shared/use-echart';
// Only the parts used here: the full `echarts` entry would add ~700 kB to this chunk.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Default export: loaded with React.lazy so ECharts stays out of the first page load. A horizontal bar per option. */
export default function ResultBarChart({
  bars,
  unit,
  label,
}: {
  bars: { name: string; value: number }[];
  unit: string;
  label: string;
}) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${unit}` },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color: '#c8161d' },
          barMaxWidth: 24,
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [bars, unit],
  );
  const ref = useEchart(echarts, option);
  return <div ref={ref} style={{ height: Math.max(120, bars.length * 40 + 24) }} role="img" aria-label={label} />;
}
