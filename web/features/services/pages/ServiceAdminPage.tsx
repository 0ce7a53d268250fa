import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { describeHours } from '../admin/hours';
import { ItemDialog } from '../admin/ItemDialog';
import { OpenSlotsDialog } from '../admin/OpenSlotsDialog';
import { StationDialog } from '../admin/StationDialog';
import { fetchManagedCatalogue, updateItem } from '../api';
import { CommunityPicker } from '../components/CommunityPicker';
import { SERVICE_KIND_LABELS, type ServiceItem, type Station } from '../types';

type Dialog =
  { kind: 'item'; item?: ServiceItem } | { kind: 'station'; station?: Station } | { kind: 'slots'; station: Station };

/** 事项与驿站管理: a community's service catalogue (withdrawn items too) and its stations, hours, capacity and slots. */
export default function ServiceAdminPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<number | null>(null);
  const communityId = me.scope?.level === 'community' ? me.scope.nodeId : picked;
  const data = useAsync(
    (s) => (communityId ? fetchManagedCatalogue(communityId, s) : Promise.resolve(null)),
    [communityId],
  );
  const [dialog, setDialog] = useState<Dialog>();
  const toggle = (item: ServiceItem) =>
    updateItem(item.id, { active: !item.active }).then(
      () => {
        message.success(item.active ? '已停办' : '已恢复');
        data.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );

  const body = !communityId ? (
    <Empty description="请选择社区" />
  ) : data.error ? (
    <ErrorAlert error={data.error} onRetry={data.reload} />
  ) : !data.data ? (
    <Skeleton active />
  ) : (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        size="small"
        title={`服务事项（${data.data.community.name}）`}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'item' })}>
            新增事项
          </Button>
        }
      >
        <Table<ServiceItem>
          rowKey="id"
          size="small"
          dataSource={data.data.items}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: '事项',
              dataIndex: 'name',
              render: (n: string, i) => (
                <>
                  {n} {!i.active && <Tag>已停办</Tag>}
                </>
              ),
            },
            { title: '类别', dataIndex: 'kind', render: (k: ServiceItem['kind']) => SERVICE_KIND_LABELS[k] },
            { title: '办理部门', dataIndex: 'departmentName' },
            { title: '所需材料', dataIndex: 'materials', render: (m: string[]) => m.join('、') || '无' },
            { title: '时限', dataIndex: 'timeLimitDays', render: (d: number) => (d ? `${d} 个工作日` : '即办') },
            { title: '收费', dataIndex: 'fee' },
            {
              title: '方式',
              render: (_, i) => (
                <>
                  {i.online && <Tag color="green">网上办</Tag>}
                  {i.proxy && <Tag color="purple">可代办</Tag>}
                </>
              ),
            },
            {
              title: '操作',
              render: (_, i) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'item', item: i })}>
                    修改
                  </Button>
                  <Popconfirm
                    title={i.active ? '停办后居民将看不到该事项，已有预约不受影响。确定？' : '恢复该事项？'}
                    onConfirm={() => toggle(i)}
                  >
                    <Button size="small" type="link" danger={i.active}>
                      {i.active ? '停办' : '恢复'}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="党群服务驿站"
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'station' })}>
            新增驿站
          </Button>
        }
      >
        <Table<Station>
          rowKey="id"
          size="small"
          dataSource={data.data.stations}
          pagination={false}
          columns={[
            { title: '驿站', dataIndex: 'name' },
            { title: '地址', dataIndex: 'address' },
            { title: '开放时间', dataIndex: 'openingHours', render: (h: Station['openingHours']) => describeHours(h) },
            { title: '时段 / 容量', render: (_, s) => `${s.slotMinutes} 分钟 / ${s.capacityPerSlot} 人` },
            {
              title: '操作',
              render: (_, s) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'station', station: s })}>
                    修改
                  </Button>
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'slots', station: s })}>
                    开放时段
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
  const close = () => setDialog(undefined);
  return (
    <Card title="事项与驿站管理" extra={<CommunityPicker value={picked} onChange={setPicked} />}>
      {body}
      {communityId && dialog?.kind === 'item' && (
        <ItemDialog communityId={communityId} item={dialog.item} onClose={close} onDone={data.reload} />
      )}
      {communityId && dialog?.kind === 'station' && (
        <StationDialog communityId={communityId} station={dialog.station} onClose={close} onDone={data.reload} />
      )}
      {dialog?.kind === 'slots' && <OpenSlotsDialog station={dialog.station} onClose={close} onDone={data.reload} />}
    </Card>
  );
}
