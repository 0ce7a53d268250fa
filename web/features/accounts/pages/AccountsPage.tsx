import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { NODE_LEVELS } from '../../../shared/org-levels';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { useDebouncedValue } from '../../../shared/use-debounced-value';
import { fetchAccounts, fetchGrantable, resetPassword, setDisabled } from '../api';
import { AccountDrawer } from '../components/AccountDrawer';
import { OneTimePassword } from '../components/OneTimePassword';
import { ScopeTreeSelect } from '../components/ScopeTreeSelect';
import type { Account } from '../types';

const ROLE_FILTER_ALL = '__all';

/** 账号管理: the accounts within the administrator's scope. */
export default function AccountsPage() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [scopeNodeId, setScopeNodeId] = useState<number | undefined>();
  const debouncedQ = useDebouncedValue(q, 300);
  const grantable = useAsync((signal) => fetchGrantable(signal), []);
  const list = useAsync(
    (signal) => fetchAccounts({ page, pageSize, q: debouncedQ, role, state, scopeNodeId }, signal),
    [page, pageSize, debouncedQ, role, state, scopeNodeId],
  );
  const [editing, setEditing] = useState<Account | null | undefined>(undefined);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  // Filtering by scope: every level is selectable (the picker's rules are given as one all-level "role").
  const filterGrantable = grantable.data
    ? {
        ...grantable.data,
        roles: [{ role: 'resident' as const, label: '', levels: [...NODE_LEVELS], needsDepartment: false }],
      }
    : null;

  return (
    <Card
      title="账号管理"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing(null)}
          disabled={!grantable.data?.roles.length}
        >
          新建账号
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="用户名、姓名或手机号"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          style={{ width: 220 }}
        />
        <Select
          style={{ width: 180 }}
          value={role ?? ROLE_FILTER_ALL}
          onChange={(v) => {
            setRole(v === ROLE_FILTER_ALL ? undefined : v);
            setPage(1);
          }}
          options={[
            { value: ROLE_FILTER_ALL, label: '全部角色' },
            ...(grantable.data?.roles.map((r) => ({ value: r.role, label: r.label })) ?? []),
          ]}
        />
        <Select
          style={{ width: 120 }}
          allowClear
          placeholder="状态"
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={[
            { value: 'active', label: '正常' },
            { value: 'disabled', label: '已停用' },
          ]}
        />
        <div style={{ width: 260 }}>
          <ScopeTreeSelect
            grantable={filterGrantable}
            role="resident"
            value={scopeNodeId}
            onChange={(v) => {
              setScopeNodeId(v);
              setPage(1);
            }}
          />
        </div>
        {scopeNodeId && <Button onClick={() => setScopeNodeId(undefined)}>清除范围</Button>}
      </Space>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Account>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.data ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.page.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 个账号`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'roleLabel' },
            { title: '管辖范围', render: (_, a) => a.scope?.name ?? '—' },
            { title: '手机号', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            {
              title: '状态',
              render: (_, a) => (
                <Space size={4}>
                  {a.state === 'disabled' ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
                  {a.mustChangePassword && <Tag>待改密</Tag>}
                  {a.totpEnabled && <Tag color="blue">动态口令</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              fixed: 'right',
              render: (_, a) => (
                <Space size={0} wrap>
                  {a.abilities.includes('edit') && (
                    <Button type="link" onClick={() => setEditing(a)}>
                      编辑
                    </Button>
                  )}
                  {a.abilities.includes('disable') && (
                    <Popconfirm
                      title={`停用 ${a.displayName}？其所有登录会话将立即失效。`}
                      onConfirm={() => act(() => setDisabled(a.id, true), '已停用')}
                    >
                      <Button type="link" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  )}
                  {a.abilities.includes('enable') && (
                    <Button type="link" onClick={() => act(() => setDisabled(a.id, false), '已启用')}>
                      启用
                    </Button>
                  )}
                  {a.abilities.includes('reset') && (
                    <Popconfirm
                      title={`重置 ${a.displayName} 的密码？`}
                      onConfirm={() =>
                        act(
                          async () =>
                            setShown({ username: a.username, password: (await resetPassword(a.id)).temporaryPassword }),
                          '已重置密码',
                        )
                      }
                    >
                      <Button type="link">重置密码</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <AccountDrawer
        open={editing !== undefined}
        account={editing ?? null}
        grantable={grantable.data ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(a, password) => {
          setEditing(undefined);
          list.reload();
          message.success('已保存');
          if (password) setShown({ username: a.username, password });
        }}
      />
      <OneTimePassword
        username={shown?.username ?? ''}
        password={shown?.password ?? null}
        onClose={() => setShown(null)}
      />
    </Card>
  );
}
