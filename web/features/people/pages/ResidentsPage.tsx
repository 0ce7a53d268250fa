import { useState } from 'react';
import { Button, Card, Dropdown, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MoveDialog } from '../registers/MoveDialog';
import { ResidentFormDialog } from '../registers/ResidentFormDialog';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchCareTags } from '../api';
import { ExportButtons } from '../components/ExportButtons';
import { RevealDialog } from '../components/RevealDialog';
import { usePagedList } from '../components/use-paged-list';
import { AGE_BANDS, HOUSE_USES, RESIDENCE_TYPES, toOptions } from '../options';
import type { Resident } from '../types';

export default function ResidentsPage() {
  const me = useMe();
  const list = usePagedList<Resident>('/api/people/residents');
  const tags = useAsync((signal) => fetchCareTags(signal), []);
  const [revealing, setRevealing] = useState<Resident | null>(null);
  const canReveal = hasAbility(me, 'people.reveal');
  const canWrite = hasAbility(me, 'people.write');
  // undefined: closed; null: a new resident; else the one being corrected.
  const [editing, setEditing] = useState<Resident | null | undefined>(undefined);
  const [moving, setMoving] = useState<{ resident: Resident; mode: 'move' | 'out' } | null>(null);
  const saved = () => {
    setEditing(undefined);
    setMoving(null);
    list.reload();
  };
  return (
    <Card
      title="实有人口"
      extra={
        <Space wrap>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              登记居民
            </Button>
          )}
          {hasAbility(me, 'people.export') && (
            <ExportButtons path="/api/people/residents/export" filters={list.filters} canReveal={canReveal} />
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="姓名、地址（至少2字）或证件/手机后4位"
          style={{ width: 300 }}
          onSearch={(v) => list.setFilter('q', v.trim().length >= 2 ? v.trim() : undefined)}
        />
        <Select
          allowClear
          mode="multiple"
          placeholder="关怀标签"
          style={{ minWidth: 160 }}
          options={toOptions(tags.data ?? [])}
          onChange={(v) => list.setFilter('tags', v)}
        />
        <Select
          allowClear
          placeholder="年龄段"
          style={{ width: 130 }}
          options={AGE_BANDS}
          onChange={(v) => list.setFilter('ageBand', v)}
        />
        <Select
          allowClear
          placeholder="人口类型"
          style={{ width: 110 }}
          options={toOptions(RESIDENCE_TYPES)}
          onChange={(v) => list.setFilter('residenceType', v)}
        />
        <Select
          allowClear
          placeholder="房屋用途"
          style={{ width: 110 }}
          options={toOptions(HOUSE_USES)}
          onChange={(v) => list.setFilter('houseUse', v)}
        />
      </Space>
      {list.error !== undefined ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Resident>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data}
          pagination={list.pagination}
          scroll={{ x: 900 }}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
            { title: '性别', dataIndex: 'gender', width: 60 },
            { title: '出生日期', dataIndex: 'birthDate', width: 110 },
            { title: '证件号码', dataIndex: 'idNumberMasked', width: 190 },
            { title: '电话', dataIndex: 'phoneMasked', width: 120 },
            { title: '地址', dataIndex: 'address', ellipsis: true },
            { title: '类型', dataIndex: 'residenceType', width: 70 },
            {
              title: '标签',
              dataIndex: 'careTags',
              render: (t: string[], r: Resident) => (
                <>
                  {r.movedOutOn && <Tag color="default">已迁出</Tag>}
                  {t.map((x) => (
                    <Tag key={x}>{x}</Tag>
                  ))}
                </>
              ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'write',
                    width: 80,
                    render: (_: unknown, r: Resident) => (
                      <Dropdown
                        trigger={['click']}
                        menu={{
                          items: [
                            { key: 'edit', label: '修改' },
                            { key: 'move', label: r.movedOutOn ? '迁入' : '搬迁' },
                            ...(r.movedOutOn ? [] : [{ key: 'out', label: '迁出' }]),
                          ],
                          onClick: ({ key }) =>
                            key === 'edit' ? setEditing(r) : setMoving({ resident: r, mode: key as 'move' | 'out' }),
                        }}
                      >
                        <Button size="small">办理</Button>
                      </Dropdown>
                    ),
                  },
                ]
              : []),
            ...(canReveal
              ? [
                  {
                    title: '',
                    key: 'reveal',
                    width: 90,
                    render: (_: unknown, r: Resident) => (
                      <Button size="small" onClick={() => setRevealing(r)}>
                        查看完整
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <RevealDialog resident={revealing} onClose={() => setRevealing(null)} />
      <ResidentFormDialog
        resident={editing ?? null}
        careTags={tags.data ?? []}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={saved}
      />
      <MoveDialog
        resident={moving?.resident ?? null}
        mode={moving?.mode ?? 'move'}
        onClose={() => setMoving(null)}
        onSaved={saved}
      />
    </Card>
  );
}
