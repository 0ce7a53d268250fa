import { Link } from 'react-router-dom';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { RESERVE_STATE_LABELS, type CadreRow } from '../../../../contracts/cadres.ts';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { fetchCadres } from '../api';
import { CadreFormModal } from '../components/CadreFormModal';

/** 干部库: people holding or prepared for posts, with their current posts and reserve status. */
export default function CadresPage() {
  const me = useMe();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = useDebouncedValue(search, 300);
  const list = useAsync((s) => fetchCadres(q, page, s), [q, page]);
  return (
    <Card
      title="干部库"
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder="姓名或单位"
            onChange={(e) => (setSearch(e.target.value), setPage(1))}
            style={{ width: 220 }}
          />
          {me.abilities.includes('cadres.manage') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              录入干部
            </Button>
          )}
        </Space>
      }
    >
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<CadreRow>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.data}
          scroll={{ x: true }}
          pagination={{ current: page, pageSize: 20, total: list.data?.page.total ?? 0, onChange: setPage }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Link to={`/cadres/${r.id}`}>{n}</Link> },
            { title: '性别', dataIndex: 'gender' },
            { title: '出生年份', dataIndex: 'birthYear', render: (v: number | null) => v ?? '—' },
            { title: '政治面貌', dataIndex: 'partyMember', render: (v: boolean) => (v ? '中共党员' : '群众') },
            {
              title: '所在单位',
              dataIndex: 'unit',
              render: (u: string, r) => (
                <>
                  {u} {r.external && <Tag color="orange">外单位</Tag>}
                </>
              ),
            },
            { title: '电话', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
            { title: '现任岗位', dataIndex: 'currentPosts', render: (p: string[]) => p.join('、') || '—' },
            {
              title: '后备',
              dataIndex: 'reserveState',
              render: (s: CadreRow['reserveState']) => (s ? <Tag>{RESERVE_STATE_LABELS[s]}</Tag> : null),
            },
          ]}
        />
      )}
      <CadreFormModal open={creating} cadre={null} onClose={() => setCreating(false)} onSaved={list.reload} />
    </Card>
  );
}
