import type { BigscreenCases } from '../../../../contracts/analytics.ts';
import { barOption, pieOption } from '../options';
import { Chart } from './Chart';
import { Figure, Panel } from './Panel';

/** Left column: today's and this month's cases, rates and top categories. */
export function CasePanels({ cases }: { cases: BigscreenCases }) {
  return (
    <>
      <Panel title="今日案件" testId="panel-today">
        <div className="bs-figures">
          <Figure label="今日上报" value={cases.today.reported} testId="today-total" />
          {cases.today.byState.slice(0, 3).map((s) => (
            <Figure key={s.key} label={s.name} value={s.value} testId={`today-${s.key}`} />
          ))}
        </div>
      </Panel>
      <Panel title={`本月案件（${cases.month}）按状态`} testId="panel-month">
        <Chart option={pieOption(cases.thisMonth.byState)} label="本月案件按状态" />
      </Panel>
      <Panel title="按期结案率 · 满意率" testId="panel-rates">
        <div className="bs-figures">
          <Figure label="本月上报" value={cases.thisMonth.reported} />
          <Figure label="本月结案" value={cases.thisMonth.closed} />
          <Figure label="按期结案率" value={cases.thisMonth.onTimeCloseRate} unit="%" testId="on-time-rate" />
          <Figure label="满意率" value={cases.thisMonth.satisfactionRate} unit="%" testId="satisfaction-rate" />
        </div>
      </Panel>
      <Panel title="高发类别（本月）" testId="panel-categories">
        <Chart option={barOption(cases.topCategories)} label="高发类别" />
      </Panel>
    </>
  );
}
