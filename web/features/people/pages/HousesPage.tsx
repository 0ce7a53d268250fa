import { Link } from 'react-router-dom';
import { Card, Input, Select, Space, Table } from 'antd';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { usePagedList } from '../components/use-paged-list';
import { HOUSE_USES, toOptions } from '../options';
import type { House } from '../types';

export default function HousesPage() {
  const me = useMe();
  const list = usePagedList<House>('/api/people/houses');
  return (
    <Card
      title="房屋"
      extra={
        hasAbility(me, 'people.export') && (
          <ExportButtons path="/api/people/houses/export" filters={list.filters} canReveal={false} />
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="地址或产权人（至少2字）"
          style={{ width: 260 }}
          onSearch={(v) => list.setFilter('q', v.trim().length >= 2 ? v.trim() : undefined)}
        />
        <Select
          allowClear
          placeholder="用途"
          style={{ width: 110 }}
          options={toOptions(HOUSE_USES)}
          onChange={(v) => list.setFilter('use', v)}
        />
      </Space>
      {list.error !== undefined ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<House>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data}
          pagination={list.pagination}
          columns={[
            {
              title: '地址',
              dataIndex: 'address',
              render: (address: string, h: House) => <Link to={`/people/houses/${h.id}`}>{address}</Link>,
            },
            { title: '用途', dataIndex: 'use', width: 80 },
            { title: '面积（㎡）', dataIndex: 'areaM2', width: 100 },
            { title: '产权人', dataIndex: 'ownerName', width: 100 },
            { title: '在住人数', dataIndex: 'occupants', width: 90 },
          ]}
        />
      )}
    </Card>
  );
}
