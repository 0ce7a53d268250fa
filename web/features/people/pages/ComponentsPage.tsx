import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { fetchComponent, type ComponentDetail } from '../api';
import { ComponentFormDialog } from '../registers/ComponentFormDialog';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { usePagedList } from '../components/use-paged-list';
import { COMPONENT_STATES, toOptions } from '../options';
import type { Component } from '../types';

const MAJORS = [
  { value: '01', label: '公用设施' },
  { value: '02', label: '道路交通' },
  { value: '03', label: '市容环境' },
  { value: '04', label: '园林绿化' },
  { value: '05', label: '房屋土地' },
  { value: '06', label: '其他设施' },
];
const STATE_COLORS: Record<string, string> = { 完好: 'green', 破损: 'orange', 丢失: 'red', 占用: 'purple' };

export default function ComponentsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const list = usePagedList<Component>('/api/people/components');
  const canWrite = hasAbility(me, 'people.write');
  // undefined: closed; null: a new component; else the one being corrected.
  const [editing, setEditing] = useState<ComponentDetail | null | undefined>(undefined);
  const edit = (id: number) =>
    fetchComponent(id).then(
      (r) => setEditing(r.data),
      (e: unknown) => message.error(errorMessage(e)),
    );
  return (
    <Card
      title="城市部件"
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              登记部件
            </Button>
          )}
          {hasAbility(me, 'people.export') && (
            <ExportButtons path="/api/people/components/export" filters={list.filters} canReveal={false} />
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="大类"
          style={{ width: 130 }}
          options={MAJORS}
          onChange={(v) => list.setFilter('major', v)}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 110 }}
          options={toOptions(COMPONENT_STATES)}
          onChange={(v) => list.setFilter('state', v)}
        />
      </Space>
      {list.error !== undefined ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Component>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data}
          pagination={list.pagination}
          columns={[
            { title: '部件编码', dataIndex: 'componentCode', width: 170 },
            { title: '名称', dataIndex: 'name' },
            {
              title: '状态',
              dataIndex: 'state',
              width: 80,
              render: (s: string) => <Tag color={STATE_COLORS[s]}>{s}</Tag>,
            },
            {
              title: '位置',
              key: 'pos',
              render: (_: unknown, c: Component) => `${c.lng.toFixed(5)}, ${c.lat.toFixed(5)}`,
            },
            { title: '权属单位', dataIndex: 'ownerUnit' },
            { title: '养护单位', dataIndex: 'maintainerUnit' },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, c: Component) => (
                      <Button size="small" onClick={() => void edit(c.id)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
          scroll={{ x: 900 }}
        />
      )}
      <ComponentFormDialog
        component={editing ?? null}
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
