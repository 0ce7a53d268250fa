import { Descriptions, Drawer, List, Spin } from 'antd';
import { FORCE_ROLE_LABELS } from '../../../../contracts/cadres.ts';
import { useAsync } from '../../../shared/use-async';
import { fetchGrid } from '../../grid-map/api';
import { fetchGridCard } from '../api';
import type { GridCard } from '../../../../contracts/analytics.ts';

const pct = (v: number | null) => (v == null ? '—' : `${v}%`);

/** One line per person: a building leader usually carries several of the 六大员 duties. */
function postsByPerson(posts: GridCard['posts']): { name: string; titles: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const p of posts) byName.set(p.name, [...(byName.get(p.name) ?? []), p.title]);
  return [...byName].map(([name, titles]) => ({ name, titles }));
}

/** A grid's card: the org module's detail (worker, leaders, branch) and analytics' figures. */
export function GridCardDrawer({ gridId, onClose }: { gridId: number | null; onClose: () => void }) {
  const { data } = useAsync(
    async (signal) => (gridId ? Promise.all([fetchGrid(gridId, signal), fetchGridCard(gridId, signal)]) : null),
    [gridId],
  );
  const [grid, card] = data ?? [];
  return (
    <Drawer
      open={gridId != null}
      onClose={onClose}
      title={
        grid ? (
          <>
            {grid.name}（<span data-testid="card-code">{grid.code}</span>）
          </>
        ) : (
          '网格'
        )
      }
      size={420}
    >
      {!grid || !card ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="户数">{card.households ?? grid.households}</Descriptions.Item>
            <Descriptions.Item label="人口">
              <span data-testid="card-population">{card.population ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="网格员" span={2}>
              {grid.gridWorker?.displayName ?? '未配备'}
            </Descriptions.Item>
            <Descriptions.Item label="楼栋长" span={2}>
              {grid.buildingLeaders.map((l) => l.displayName).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="党支部" span={2}>
              {grid.branch ? `${grid.branch.name}（党员 ${card.members ?? grid.branch.members ?? 0} 名）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="在办案件">
              <span data-testid="card-open">{card.openCases}</span>
            </Descriptions.Item>
            <Descriptions.Item label="超期案件">{card.overdueCases}</Descriptions.Item>
            <Descriptions.Item label="本月上报">{card.thisMonth.reported}</Descriptions.Item>
            <Descriptions.Item label="本月结案">{card.thisMonth.closed}</Descriptions.Item>
            <Descriptions.Item label="按期结案率">{pct(card.thisMonth.onTimeCloseRate)}</Descriptions.Item>
            <Descriptions.Item label="满意率">{pct(card.thisMonth.satisfactionRate)}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header="网格力量"
            data-testid="card-forces"
            locale={{ emptyText: '未配备' }}
            dataSource={card.forces}
            renderItem={(f) => (
              <List.Item>
                {FORCE_ROLE_LABELS[f.role]}：{f.name}（{f.unit}） {f.phoneMasked}
              </List.Item>
            )}
          />
          {card.posts.length > 0 && (
            <List
              size="small"
              header="在任岗位"
              data-testid="card-posts"
              dataSource={postsByPerson(card.posts)}
              renderItem={(p) => (
                <List.Item>
                  {p.name}：{p.titles.join('、')}
                </List.Item>
              )}
            />
          )}
          {card.overdue.length > 0 && (
            <List
              size="small"
              header="超期案件"
              dataSource={card.overdue}
              renderItem={(o) => (
                <List.Item>
                  {o.caseNo} {o.title}
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
