import { useEffect, useRef } from 'react';
// Only the parts used here: the full `echarts` entry would add ~700 kB to this chunk.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** An ECharts canvas in the big screen's dark theme; a new option replaces the old one in place. */
export function Chart({
  option,
  label,
  height = '100%',
}: {
  option: ChartOption;
  label: string;
  height?: number | string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, 'dark', { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const chart = ref.current ? echarts.getInstanceByDom(ref.current) : undefined;
    chart?.setOption({ backgroundColor: 'transparent', textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);
  return <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} />;
}
