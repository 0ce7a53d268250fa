import { useState } from 'react';
import { Card, Table, Tabs, Tag } from 'antd';
import type { SignupState, SignupSummary } from '../../../../contracts/signup.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchSignups } from '../api';
import { SignupDrawer } from '../components/SignupDrawer';
import { formatTime } from '../../../shared/time';

export const STATE_LABELS: Record<SignupState, string> = { pending: '待核验', rejected: '已退回', verified: '已核验' };

/** 实名核验: residents who registered themselves, checked against base data by community staff. */
export default function SignupsPage() {
  const [state, setState] = useState<SignupState>('pending');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const { data, error, loading, reload } = useAsync((signal) => fetchSignups(state, page, signal), [state, page]);

  return (
    <Card title="实名核验（居民注册）">
      <Tabs
        activeKey={state}
        onChange={(k) => {
          setState(k as SignupState);
          setPage(1);
        }}
        items={(Object.keys(STATE_LABELS) as SignupState[]).map((k) => ({ key: k, label: STATE_LABELS[k] }))}
      />
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : (
        <Table<SignupSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.data ?? []}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.page.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 人`,
          }}
          locale={{ emptyText: state === 'pending' ? '暂无待核验的注册' : '暂无记录' }}
          columns={[
            { title: '姓名', dataIndex: 'displayName' },
            { title: '手机号', dataIndex: 'phoneMasked' },
            { title: '房屋', render: (_v, r) => r.house?.address ?? '—' },
            { title: '提交时间', dataIndex: 'createdAt', render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss') },
            {
              title: '状态',
              dataIndex: 'state',
              render: (v: SignupState, r) => (
                <Tag
                  color={v === 'verified' ? 'green' : v === 'rejected' ? 'orange' : 'blue'}
                  title={r.note ?? undefined}
                >
                  {STATE_LABELS[v]}
                </Tag>
              ),
            },
          ]}
        />
      )}
      <SignupDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onDecided={() => {
          setOpenId(null);
          reload();
        }}
      />
    </Card>
  );
}
