import { useMemo, useState } from 'react';
import { Card, Checkbox, Space, Spin } from 'antd';
import { MAP_LAYERS, type MapLayer } from '../../../../contracts/analytics.ts';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchGrids } from '../../grid-map/api';
import { fetchLayers } from '../api';
import { GridCardDrawer } from '../components/GridCardDrawer';
import { LayerMap } from '../components/LayerMap';

type Toggle = MapLayer | 'heat';
const LABELS: Record<Toggle, string> = {
  cases: '案件点位',
  heat: '案件热力',
  components: '城市部件',
  partyHouseholds: '党员户',
  care: '关怀对象（计数）',
  activities: '志愿活动',
  stations: '党群服务驿站',
};

/** 一张图: the grids of the user's scope with layers to toggle; a click opens the grid's card. */
export default function OnemapPage() {
  const nodeId = useMe().scope?.nodeId ?? null;
  const [on, setOn] = useState<Toggle[]>(['cases', 'heat']);
  const [gridId, setGridId] = useState<number | null>(null);
  const serverLayers = useMemo(() => MAP_LAYERS.filter((l) => on.includes(l)), [on]);
  const grids = useAsync((signal) => (nodeId ? fetchGrids(nodeId, signal) : Promise.resolve(null)), [nodeId]);
  const layers = useAsync(
    (signal) => (nodeId ? fetchLayers(nodeId, serverLayers, signal) : Promise.resolve(null)),
    [nodeId, serverLayers.join()],
  );
  const activities = layers.data?.activities.reduce((n, a) => n + a.count, 0) ?? 0;

  return (
    <Card
      title="一张图"
      extra={
        <Checkbox.Group
          value={on}
          onChange={(v) => setOn(v as Toggle[])}
          options={(Object.keys(LABELS) as Toggle[]).map((k) => ({ value: k, label: LABELS[k] }))}
        />
      }
    >
      {grids.error || layers.error ? <ErrorAlert error={grids.error ?? layers.error} /> : null}
      <Space style={{ marginBottom: 8 }}>
        {layers.data && <span>案件点位 {layers.data.cases.length} 个</span>}
        {on.includes('activities') && <span>本月志愿活动 {activities} 场</span>}
        {on.includes('stations') && (
          <span data-testid="station-count">党群服务驿站 {layers.data?.stations.length ?? 0} 个</span>
        )}
      </Space>
      <div style={{ height: 'calc(100vh - 260px)', minHeight: 480 }}>
        {!grids.data || !layers.data ? (
          <Spin />
        ) : (
          <LayerMap features={grids.data.features} layers={layers.data} on={new Set(on)} onSelect={setGridId} />
        )}
      </div>
      <GridCardDrawer gridId={gridId} onClose={() => setGridId(null)} />
    </Card>
  );
}
