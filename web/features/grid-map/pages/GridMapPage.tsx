import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { useMe } from '../../../app/session/SessionContext';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { fetchNode } from '../../org/api';
import { fetchGrids, fetchOutline } from '../api';
import { GridMapSvg } from '../components/GridMapSvg';
import { GridDetailDrawer } from '../components/GridDetailDrawer';
import { NodeSelect } from '../components/NodeSelect';
import { drawable } from '../shapes';
import { BoundaryEditBar } from '../components/BoundaryEditBar';
import { useBoundaryEdit } from '../edit/use-boundary-edit';

/** While a boundary is edited, clicks on other grids do not change the selection. */
const ignoreSelect = () => undefined;

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
    (signal) =>
      nodeId && level === 'community' ? fetchOutline(nodeId, signal).catch(() => null) : Promise.resolve(null),
    [nodeId, level],
  );

  // navigate() is stable in a data router, setSearch is not: a changing callback would
  // re-render every memoised polygon on each selection.
  const selectGrid = useCallback((id: number) => navigate({ search: `?grid=${id}` }), [navigate]);
  const closeDrawer = useCallback(() => navigate({ search: '' }), [navigate]);
  const features = grids.data?.features;
  const edit = useBoundaryEdit(grids.reload);
  const canWrite = me.abilities.includes('org.grid.write');
  const selectedFeature = features?.find((f) => f.properties.id === selectedGridId && drawable(f)) ?? null;
  const editingFeature = edit.editing && features?.find((f) => f.properties.id === edit.editing!.gridId);
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
        <Space wrap>
          {totals && (
            <Typography.Text type="secondary">
              共 {totals.grids} 个网格 · {totals.households} 户
              {totals.undrawn > 0 && ` · ${totals.undrawn} 个网格未绘制边界`}
            </Typography.Text>
          )}
          {canWrite && selectedFeature?.geometry && !edit.editing && (
            <Button
              size="small"
              onClick={() => {
                edit.start(selectedFeature.properties.id, selectedFeature.geometry!);
              }}
            >
              编辑边界
            </Button>
          )}
          {canWrite && (level === 'community' || level === 'street') && (
            <Button size="small" onClick={() => navigate(`/map/${nodeId}/import`)}>
              导入边界
            </Button>
          )}
        </Space>
      }
      styles={{
        body: { height: 'calc(100vh - 190px)', minHeight: 420, padding: 12, position: 'relative', overflow: 'hidden' },
      }}
    >
      {grids.error || node.error ? (
        <ErrorAlert error={grids.error ?? node.error} onRetry={grids.error ? grids.reload : node.reload} />
      ) : loading ? (
        <Spin style={{ display: 'block', marginTop: 120 }} description="正在加载网格…" />
      ) : !features?.some(drawable) ? (
        <Empty description="该区域下暂无网格" />
      ) : (
        <GridMapSvg
          features={features}
          outline={outline.data ?? null}
          selectedId={selectedGridId}
          onSelect={edit.editing ? ignoreSelect : selectGrid}
          editor={edit.editing && { draft: edit.editing.draft, crossings: edit.crossings, onChange: edit.change }}
        />
      )}
      {edit.editing && (
        <BoundaryEditBar
          gridName={editingFeature?.properties.name ?? ''}
          crossings={edit.crossings}
          serverError={edit.serverError}
          saving={edit.saving}
          dirty={edit.editing.dirty}
          onSave={() => void edit.save()}
          onCancel={edit.cancel}
        />
      )}
      <GridDetailDrawer gridId={edit.editing ? null : selectedGridId} mapNodeId={nodeId} onClose={closeDrawer} />
    </Card>
  );
}
