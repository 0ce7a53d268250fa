import { useNavigate } from 'react-router-dom';
import { Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useAsync } from '../../../shared/use-async';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { countLevelsBelow, LEVEL_LABELS } from '../../../shared/org-levels';
import { fetchNode } from '../api';
import type { OrgNodeDetail } from '../types';
import { NodeActions } from './NodeActions';

interface Props {
  nodeId: number;
  /** Ancestors above the user's scope are shown but not clickable: the server would say 404. */
  scopeNodeId: number;
  onNavigate: (id: number) => void;
  canOpenMap: boolean;
  /** After an add, rename, move or retirement: the tree reloads. */
  onTreeChanged?: () => void;
}

export function NodeDetailCard({ nodeId, scopeNodeId, onNavigate, canOpenMap, onTreeChanged }: Props) {
  const { data, error, loading, reload } = useAsync((signal) => fetchNode(nodeId, signal), [nodeId]);

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Card loading />;
  return (
    <Spin spinning={loading}>
      <Card
        title={
          <span>
            <Tag color="red">{LEVEL_LABELS[data.level]}</Tag>
            {data.name}
          </span>
        }
        extra={
          <Space wrap>
            <NodeActions
              node={data}
              onChanged={() => {
                reload();
                onTreeChanged?.();
              }}
              onRetired={(parentId) => {
                onTreeChanged?.();
                if (parentId) onNavigate(parentId);
              }}
            />
            {canOpenMap && <MapLink node={data} />}
          </Space>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={[
            ...data.ancestors.map((a, i) => ({
              key: a.id,
              title: i >= scopeIndex(data, scopeNodeId) ? <a onClick={() => onNavigate(a.id)}>{a.name}</a> : a.name,
            })),
            { key: data.id, title: data.name },
          ]}
        />
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" items={describe(data)} />
        <Row gutter={16} style={{ marginTop: 16 }}>
          {countLevelsBelow(data.level).map((c) => (
            <Col key={c.key} span={8} style={{ marginBottom: 12 }}>
              <Statistic title={`${c.label}数`} value={data.counts[c.key]} />
            </Col>
          ))}
        </Row>
      </Card>
    </Spin>
  );
}

/** Position of the scope among the node's ancestors; past the end when the node is the scope. */
function scopeIndex(node: OrgNodeDetail, scopeNodeId: number): number {
  const i = node.ancestors.findIndex((a) => a.id === scopeNodeId);
  return i === -1 ? node.ancestors.length : i;
}

function describe(node: OrgNodeDetail) {
  const items = [
    {
      key: 'code',
      label: '编码',
      children: (
        <Typography.Text copyable code>
          {node.code}
        </Typography.Text>
      ),
    },
    { key: 'level', label: '层级', children: LEVEL_LABELS[node.level] },
    { key: 'households', label: '户数', children: node.households ?? '—' },
  ];
  // Every grid should have a worker and a branch ("支部建在网格上"): say so when one is missing.
  if (node.level === 'grid') {
    items.push({ key: 'gridWorker', label: '网格员', children: node.gridWorker?.displayName ?? '未配备' });
  }
  if (node.branch || node.level === 'grid') {
    items.push({ key: 'branch', label: '党组织', children: node.branch?.name ?? '未建立' });
  }
  return items;
}

/** Levels that contain grids open the map on themselves; a grid opens its community's map. */
function MapLink({ node }: { node: OrgNodeDetail }) {
  const navigate = useNavigate();
  const target =
    node.level === 'grid' && node.parentId !== null
      ? `/map/${node.parentId}?grid=${node.id}`
      : ['district', 'street', 'community'].includes(node.level)
        ? `/map/${node.id}`
        : null;
  if (!target) return null;
  return (
    <Button icon={<EnvironmentOutlined />} onClick={() => navigate(target)}>
      网格地图
    </Button>
  );
}
