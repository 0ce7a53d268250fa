import { useEffect, useRef } from 'react';
import type * as echartsCore from 'echarts/core';

/**
 * An ECharts instance bound to a div: created once (SVG renderer), resized with its box,
 * disposed on unmount, and given `option` whenever it changes. Callers import and register
 * only the chart parts they use, so each chart's chunk stays small.
 */
export function useEchart(echarts: typeof echartsCore, option: Parameters<echartsCore.ECharts['setOption']>[0]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [echarts]);
  useEffect(() => {
    const chart = ref.current ? echarts.getInstanceByDom(ref.current) : undefined;
    chart?.setOption(option);
  }, [echarts, option]);
  return ref;
}
