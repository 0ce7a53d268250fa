import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { fetchEntity, type EntityDetail } from '../api';
import { EntityFormDialog } from '../registers/EntityFormDialog';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { usePagedList } from '../components/use-paged-list';
import { ENTITY_TYPES, toOptions } from '../options';
import type { Entity } from '../types';

export default function EntitiesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const list = usePagedList<Entity>('/api/people/entities');
  const canWrite = hasAbility(me, 'people.write');
  // undefined: closed; null: a new entity; else the one being corrected.
  const [editing, setEditing] = useState<EntityDetail | null | undefined>(undefined);
  const edit = (id: number) =>
    fetchEntity(id).then(
      (r) => setEditing(r.data),
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Card
      title="法人单位"
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              登记单位
            </Button>
          )}
          {hasAbility(me, 'people.export') && (
            <ExportButtons path="/api/people/entities/export" filters={list.filters} canReveal={false} />
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="名称或地址（至少2字）"
          style={{ width: 260 }}
          onSearch={(v) => list.setFilter('q', v.trim().length >= 2 ? v.trim() : undefined)}
        />
        <Select
          allowClear
          placeholder="单位类型"
          style={{ width: 140 }}
          options={toOptions(ENTITY_TYPES)}
          onChange={(v) => list.setFilter('type', v)}
        />
      </Space>
      {list.error !== undefined ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Entity>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data}
          pagination={list.pagination}
          scroll={{ x: 800 }}
          columns={[
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'type', width: 110 },
            { title: '法定代表人', dataIndex: 'legalRep', width: 100 },
            { title: '地址', dataIndex: 'address', ellipsis: true },
            { title: '从业人数', dataIndex: 'employees', width: 90 },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, e: Entity) => (
                      <Button size="small" onClick={() => void edit(e.id)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <EntityFormDialog
        entity={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}
