import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Card, Empty, Space, Spin, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { fetchNode } from '../../org/api';
import { fetchGrids, fetchOutline } from '../api';
import { GridMapSvg } from '../components/GridMapSvg';
import { GridDetailDrawer } from '../components/GridDetailDrawer';
import { NodeSelect } from '../components/NodeSelect';
import { drawable } from '../shapes';

const positiveInt = (s: string | null | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);

export default function GridMapPage() {
  const me = useMe();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const nodeId = positiveInt(params.nodeId) ?? me.scope?.nodeId ?? null;
  // The selected grid lives in the URL (?grid=) so a grid can be linked to and Back closes it.
  const selectedGridId = positiveInt(search.get('grid'));

  const node = useAsync((signal) => (nodeId ? fetchNode(nodeId, signal) : Promise.resolve(null)), [nodeId]);
  const grids = useAsync((signal) => (nodeId ? fetchGrids(nodeId, signal) : Promise.resolve(null)), [nodeId]);
  const level = node.data?.id === nodeId ? node.data.level : undefined;
  // Only communities have an outline worth drawing; a missing one is not an error for the map.
  const outline = useAsync(
    (signal) => (nodeId && level === 'community' ? fetchOutline(nodeId, signal).catch(() => null) : Promise.resolve(null)),
    [nodeId, level],
  );

  // navigate() is stable in a data router, setSearch is not: a changing callback would
  // re-render every memoised polygon on each selection.
  const selectGrid = useCallback((id: number) => navigate({ search: `?grid=${id}` }), [navigate]);
  const closeDrawer = useCallback(() => navigate({ search: '' }), [navigate]);
  const features = grids.data?.features;
  // Wait for node and outline too: drawing the grids first and the outline later would flash.
  const loading = !features || grids.loading || node.loading || outline.loading;
  const totals = useMemo(
    () =>
      features && {
        grids: features.length,
        households: features.reduce((sum, f) => sum + (f.properties.households ?? 0), 0),
        undrawn: features.filter((f) => !drawable(f)).length,
      },
    [features],
  );

  if (!me.scope || !nodeId) {
    return (
      <Card>
        <Empty description="您的账号未分配治理体系范围，无法查看网格地图。" />
      </Card>
    );
  }
  const current = node.data && node.data.id === nodeId ? { id: nodeId, name: node.data.name } : null;

  return (
    <Card
      title={
        <Space wrap>
          <span>网格地图</span>
          <NodeSelect scope={me.scope} current={current} onChange={(id) => navigate(`/map/${id}`)} />
        </Space>
      }
      extra={
        totals && (
          <Typography.Text type="secondary">
            共 {totals.grids} 个网格 · {totals.households} 户{totals.undrawn > 0 && ` · ${totals.undrawn} 个网格未绘制边界`}
          </Typography.Text>
        )
      }
      styles={{ body: { height: 'calc(100vh - 190px)', minHeight: 420, padding: 12, position: 'relative', overflow: 'hidden' } }}
    >
      {grids.error || node.error ? (
        <ErrorAlert error={grids.error ?? node.error} onRetry={grids.error ? grids.reload : node.reload} />
      ) : loading ? (
        <Spin style={{ display: 'block', marginTop: 120 }} description="正在加载网格…" />
      ) : !features?.some(drawable) ? (
        <Empty description="该区域下暂无网格" />
      ) : (
        <GridMapSvg features={features} outline={outline.data ?? null} selectedId={selectedGridId} onSelect={selectGrid} />
      )}
      <GridDetailDrawer gridId={selectedGridId} mapNodeId={nodeId} onClose={closeDrawer} />
    </Card>
  );
}
