import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { SignupCandidate } from '../../../../contracts/signup.ts';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchSignup, rejectSignup, verifySignup } from '../api';

interface Props {
  id: number | null;
  onClose: () => void;
  onDecided: () => void;
}

/** One sign-up with the base-data residents who may be this person; verify against one, or send it back with a note. */
export function SignupDrawer({ id, onClose, onDecided }: Props) {
  const { data, error, loading, reload } = useAsync(
    (signal) => (id === null ? Promise.resolve(null) : fetchSignup(id, signal)),
    [id],
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const current = data && data.data.id === id ? data : null;
  const can = (a: 'read' | 'verify' | 'reject') => current?.abilities.includes(a) ?? false;

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setActionError(null);
    try {
      await work();
      setNote('');
      onDecided();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const decided = current?.data.state === 'verified';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      title={current ? `核验：${current.data.displayName}` : '注册详情'}
    >
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : loading || !current ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {actionError && <Alert type="error" showIcon title={actionError} />}
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: '姓名', children: current.data.displayName },
              { key: 'phone', label: '手机号', children: current.data.phoneMasked ?? '—' },
              { key: 'house', label: '填报房屋', children: current.data.house?.address ?? '—' },
              { key: 'username', label: '用户名', children: current.data.username },
              ...(current.data.note ? [{ key: 'note', label: '退回原因', children: current.data.note }] : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>实有人口候选</Typography.Title>
            <Typography.Paragraph type="secondary">
              同一房屋登记的居民，以及本社区同名或同手机号的居民（已脱敏）。
            </Typography.Paragraph>
            {current.data.candidates.length === 0 ? (
              <Empty description="实有人口中没有匹配的居民：请核实后退回，或先登记该居民" />
            ) : (
              <Table<SignupCandidate>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={current.data.candidates}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '证件号', dataIndex: 'idNumberMasked' },
                  { title: '手机', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
                  { title: '住址', dataIndex: 'address' },
                  {
                    title: '匹配',
                    render: (_v, c) => (
                      <>
                        {c.sameName && <Tag color="green">同名</Tag>}
                        {c.samePhone && <Tag color="green">同手机</Tag>}
                        {c.sameHouse && <Tag>同房屋</Tag>}
                      </>
                    ),
                  },
                  {
                    title: '',
                    render: (_v, c) =>
                      can('verify') &&
                      !decided && (
                        <Popconfirm
                          title={`确认该注册为 ${c.name} 本人？`}
                          onConfirm={() => run(() => verifySignup(current.data.id, c.id))}
                        >
                          <Button size="small" type="primary" loading={busy}>
                            核验通过
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]}
              />
            )}
          </div>
          {can('reject') && current.data.state === 'pending' && (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                placeholder="退回原因（居民可见），如：房号与登记不符"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={200}
              />
              <Button
                danger
                disabled={note.trim().length < 2}
                loading={busy}
                onClick={() => run(() => rejectSignup(current.data.id, note.trim()))}
              >
                退回
              </Button>
            </Space.Compact>
          )}
          {!can('verify') && (
            <Typography.Text type="secondary">您可查看辖区注册情况，核验由社区书记或工作人员办理。</Typography.Text>
          )}
        </Space>
      )}
    </Drawer>
  );
}
