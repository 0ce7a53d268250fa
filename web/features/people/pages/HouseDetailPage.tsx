import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Timeline } from 'antd';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchHouse } from '../api';
import { HouseFactsDialog } from '../components/HouseFactsDialog';
import { PartyHouseholdCard } from '../components/PartyHouseholdCard';
import { ResidentHistoryDrawer } from '../components/ResidentHistoryDrawer';
import { TenancyDialog } from '../components/TenancyDialog';
import { addressRows, residencePeriod } from '../house-format';
import type { HouseDetail } from '../types';
import { formatTime } from '../../../shared/time';

const USE_COLORS: Record<string, string> = { 自住: 'blue', 出租: 'orange', 空置: 'default', 商用: 'purple' };

/**
 * One house: its address (the governance tree's nodes), use, area and owner, who lives there now,
 * tenant registrations of a rented house, and everyone who moved in or out. A resident's name opens
 * their own move history across houses.
 */
export default function HouseDetailPage() {
  const id = Number(useParams().id);
  const house = useAsync((signal) => fetchHouse(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [letting, setLetting] = useState(false);
  const [resident, setResident] = useState<number | null>(null);
  if (house.error !== undefined)
    return (
      <Card title="房屋详情">
        <ErrorAlert error={house.error} onRetry={house.reload} />
      </Card>
    );
  if (!house.data)
    return (
      <Card title="房屋详情">
        <Spin />
      </Card>
    );
  const h: HouseDetail = house.data.data;
  const canWrite = house.data.abilities.includes('write');
  const isLet = h.facts?.use === '出租';
  const nameLink = (residentId: number, name: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setResident(residentId)}>
      {name}
    </Button>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={h.address}
        extra={
          <Space>
            <Link to="/people/houses">返回房屋列表</Link>
            {canWrite && <Button onClick={() => setEditing(true)}>登记房屋信息</Button>}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label="房屋编码">{h.code}</Descriptions.Item>
          {(h.parts ? addressRows(h.parts) : []).map((r) => (
            <Descriptions.Item key={r.label} label={r.label}>
              {r.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label="用途">
            {h.facts ? <Tag color={USE_COLORS[h.facts.use]}>{h.facts.use}</Tag> : '未登记'}
          </Descriptions.Item>
          <Descriptions.Item label="建筑面积">
            {h.facts?.areaM2 != null ? `${h.facts.areaM2} ㎡` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="产权人">{h.facts?.ownerName ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PartyHouseholdCard houseId={id} />
      <Card title={`在住人员（${h.occupants.length}）`}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.occupants}
          locale={{ emptyText: '暂无在住人员' }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (name: string, o) => nameLink(o.id, name) },
            { title: '与户主关系', dataIndex: 'relation', render: (v: string | null) => v ?? '—' },
            { title: '人口类型', dataIndex: 'residenceType' },
            { title: '入住日期', dataIndex: 'movedInOn', render: (v: string | null) => v ?? '—' },
            { title: '关怀标签', dataIndex: 'careTags', render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>) },
          ]}
        />
      </Card>
      {(isLet || h.tenancies.length > 0) && (
        <Card
          title="租户登记"
          extra={
            canWrite &&
            isLet && (
              <Button type="primary" onClick={() => setLetting(true)}>
                登记租户
              </Button>
            )
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h.tenancies}
            locale={{ emptyText: '暂无租户登记' }}
            columns={[
              { title: '租户', dataIndex: 'name', render: (name: string, t) => nameLink(t.residentId, name) },
              { title: '租期', key: 'term', render: (_: unknown, t) => `${t.startOn} 至 ${t.endOn ?? '未约定'}` },
              {
                title: '登记时间',
                dataIndex: 'registeredAt',
                render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss'),
              },
            ]}
          />
        </Card>
      )}
      <Card title="迁入迁出记录">
        {h.history.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={h.history.map((e, i) => ({
              key: `${e.residentId}-${i}`,
              color: e.toOn ? 'gray' : 'green',
              content: (
                <>
                  {nameLink(e.residentId, e.name)}{' '}
                  <span style={{ color: '#888' }}>{residencePeriod(e.fromOn, e.toOn)}</span>
                </>
              ),
            }))}
          />
        )}
      </Card>
      {canWrite && (
        <HouseFactsDialog
          house={h}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            house.reload();
          }}
        />
      )}
      {canWrite && (
        <TenancyDialog
          houseId={h.id}
          open={letting}
          onClose={() => setLetting(false)}
          onSaved={() => {
            setLetting(false);
            house.reload();
          }}
        />
      )}
      <ResidentHistoryDrawer residentId={resident} onClose={() => setResident(null)} />
    </Space>
  );
}
