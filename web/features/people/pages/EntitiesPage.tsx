import { Card, Input, Select, Space, Table } from 'antd';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { usePagedList } from '../components/use-paged-list';
import { ENTITY_TYPES, toOptions } from '../options';
import type { Entity } from '../types';

export default function EntitiesPage() {
  const me = useMe();
  const list = usePagedList<Entity>('/api/people/entities');
  return (
    <Card title="法人单位" extra={hasAbility(me, 'people.export') && <ExportButtons path="/api/people/entities/export" filters={list.filters} canReveal={false} />}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="名称或地址（至少2字）" style={{ width: 260 }} onSearch={(v) => list.setFilter('q', v.trim().length >= 2 ? v.trim() : undefined)} />
        <Select allowClear placeholder="单位类型" style={{ width: 140 }} options={toOptions(ENTITY_TYPES)} onChange={(v) => list.setFilter('type', v)} />
      </Space>
      {list.error !== undefined ? <ErrorAlert error={list.error} onRetry={list.reload} /> : (
        <Table<Entity> rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.data} pagination={list.pagination} scroll={{ x: 800 }}
          columns={[
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'type', width: 110 },
            { title: '法定代表人', dataIndex: 'legalRep', width: 100 },
            { title: '地址', dataIndex: 'address', ellipsis: true },
            { title: '从业人数', dataIndex: 'employees', width: 90 },
          ]} />
      )}
    </Card>
  );
}
