import type { BigscreenBase, BigscreenCases } from '../../../../contracts/analytics.ts';
import { barOption } from '../options';
import { Chart } from './Chart';
import { Figure, Panel } from './Panel';
import { formatTime } from '../../../shared/time';

const time = (iso: string) => formatTime(iso, 'MM/DD HH:mm');

/** Right column: overdue cases, departments ranking, the red list, wishes and volunteering. */
export function RightPanels({ cases, base }: { cases: BigscreenCases; base: BigscreenBase }) {
  return (
    <>
      <Panel title="超期案件" testId="panel-overdue">
        {cases.overdue.length === 0 ? (
          <p className="bs-empty">暂无超期案件</p>
        ) : (
          <ul className="bs-list">
            {cases.overdue.map((o) => (
              <li key={o.id}>
                <span>{o.title}</span>
                <em>
                  {o.place ?? ''} · 应于 {time(o.dueAt)}
                </em>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="部门按期结案率排名（本月）" testId="panel-departments">
        <Chart
          option={barOption(
            cases.departments.map((d) => ({ key: d.key, name: d.name, value: d.onTimeCloseRate ?? 0 })),
            '#faad14',
          )}
          label="部门排名"
        />
      </Panel>
      <Panel title="党员红榜（本月积分）" testId="panel-redlist">
        {base.redList.length === 0 ? (
          <p className="bs-empty">本月暂无积分</p>
        ) : (
          <ol className="bs-list">
            {base.redList.map((m) => (
              <li key={m.id}>
                <span>{m.name}</span>
                <em>{m.points} 分</em>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel title="心愿 · 志愿（本月）" testId="panel-service">
        <div className="bs-figures">
          <Figure label="心愿圆梦" value={base.wishesFulfilled} unit="个" />
          <Figure label="志愿服务" value={base.volunteerHours} unit="小时" />
        </div>
      </Panel>
    </>
  );
}
