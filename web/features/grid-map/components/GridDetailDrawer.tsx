import { Link } from 'react-router-dom';
import { Descriptions, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { fetchGrid } from '../api';
import type { GridDetail } from '../types';
import { GridWorkerPanel } from './GridWorkerPanel';

interface Props {
  gridId: number | null;
  /** The node the map shows: the link to the grid's community map is pointless there. */
  mapNodeId: number;
  onClose: () => void;
}

/**
 * Without a mask, so that clicking another grid on the map switches the drawer to it; and
 * inside the map card (getContainer false), so it never covers the header or the menu.
 */
export function GridDetailDrawer({ gridId, mapNodeId, onClose }: Props) {
  const { data, error, loading, reload } = useAsync(
    (signal) => (gridId === null ? Promise.resolve(null) : fetchGrid(gridId, signal)),
    [gridId],
  );
  const current = data && data.id === gridId ? data : null;

  return (
    <Drawer
      open={gridId !== null}
      onClose={onClose}
      mask={false}
      getContainer={false}
      rootStyle={{ position: 'absolute' }}
      size={400}
      title={current?.name ?? '网格详情'}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : loading || !current ? (
        <Skeleton active />
      ) : (
        <GridDescriptions
          grid={current}
          onChanged={reload}
          communityLink={current.community && current.community.id !== mapNodeId ? current.community : null}
        />
      )}
    </Drawer>
  );
}

interface DescriptionsProps {
  grid: GridDetail;
  /** Shown when the map is not already that community's. */
  communityLink: { id: number; name: string } | null;
  onChanged: () => void;
}

function GridDescriptions({ grid, communityLink, onChanged }: DescriptionsProps) {
  const none = <Typography.Text type="secondary">未配备</Typography.Text>;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'code',
            label: '网格编码',
            children: (
              <Typography.Text code copyable={{ text: grid.code }}>
                <span data-testid="grid-code">{grid.code}</span>
              </Typography.Text>
            ),
          },
          { key: 'community', label: '所属社区', children: grid.community?.name ?? '—' },
          { key: 'households', label: '户数', children: grid.households },
          { key: 'population', label: '人口', children: grid.population ?? '—' },
          { key: 'buildings', label: '楼栋数', children: grid.buildings },
          {
            key: 'estates',
            label: '小区/街巷',
            children: grid.estates.length ? grid.estates.map((e) => <Tag key={e.id}>{e.name}</Tag>) : '—',
          },
          {
            key: 'gridWorker',
            label: '网格员',
            children: grid.gridWorker ? (
              <span data-testid="grid-worker">
                {grid.gridWorker.displayName}
                <Typography.Text type="secondary"> {grid.gridWorker.phoneMasked}</Typography.Text>
              </span>
            ) : (
              none
            ),
          },
          {
            key: 'leaders',
            label: '楼栋长',
            children: grid.buildingLeaders.length
              ? grid.buildingLeaders.map((l) => <Tag key={l.id}>{l.displayName}</Tag>)
              : none,
          },
        ]}
      />
      <GridWorkerPanel
        gridId={grid.id}
        canAssign={grid.abilities?.includes('assign_worker') ?? false}
        onChanged={onChanged}
      />
      <BranchCard grid={grid} />
      {communityLink && <Link to={`/map/${communityLink.id}?grid=${grid.id}`}>查看{communityLink.name}网格图</Link>}
    </Space>
  );
}

function BranchCard({ grid }: { grid: GridDetail }) {
  if (!grid.branch) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本网格尚未建立党支部" />;
  return (
    <Descriptions
      title="网格党支部"
      column={1}
      bordered
      size="small"
      items={[
        { key: 'name', label: '支部名称', children: grid.branch.name },
        { key: 'secretary', label: '支部书记', children: grid.branch.secretary ?? '—' },
        {
          key: 'members',
          label: '党员人数',
          children: <span data-testid="branch-members">{grid.branch.members ?? '—'}</span>,
        },
      ]}
    />
  );
}
