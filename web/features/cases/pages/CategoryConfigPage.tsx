import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { DISPATCH_LEVEL_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { useAsync } from '../../../shared/use-async';
import { fetchDepartments } from '../api';
import { fetchConfigTree, updateCategory, type ConfigCategory } from '../config-api';
import { CategoryDrawer, KIND_LABELS, type Editing } from '../config/CategoryDrawer';
import { describeMinutes, STEP_LABELS } from '../config/limits';
import { OverridesModal } from '../config/OverridesModal';

/** 类别与时限: the two-level category tree, its routing and limits, questions and local overrides. */
export default function CategoryConfigPage() {
  const me = useMe();
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useAsync((signal) => fetchConfigTree(signal), []);
  const { data: departments } = useAsync(
    (signal) => (me.scope ? fetchDepartments(me.scope.nodeId, signal) : Promise.resolve([])),
    [me.scope?.nodeId],
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  const [overrides, setOverrides] = useState<number | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  const canTree = data?.abilities.includes('write_tree') ?? false;
  const canOverride = data?.abilities.includes('write_override') ?? false;
  const parentOf = (c: ConfigCategory) => data?.data.find((g) => g.id === c.parentId) ?? null;
  // Departments are shown by name: their code (e.g. urban_management) is an identifier, not a label.
  const deptName = (code: string | null) =>
    code ? (departments?.find((d) => d.code === code)?.name ?? '职能部门') : null;
  const all = data?.data.flatMap((g) => [g, ...(g.children ?? [])]) ?? [];

  const toggle = (c: ConfigCategory) =>
    modal.confirm({
      title: c.active ? `停用「${c.name}」？` : `启用「${c.name}」？`,
      content: c.active ? '停用后不能再选择该类别上报；已有案件保留其类别。' : undefined,
      okText: c.active ? '停用' : '启用',
      onOk: async () => {
        try {
          await updateCategory(c.id, { active: !c.active });
          reload();
        } catch (err) {
          message.error(err instanceof Error ? err.message : '操作失败');
        }
      },
    });

  return (
    <Card
      title="类别与时限"
      extra={
        canTree && (
          <Button type="primary" onClick={() => setEditing({ mode: 'create', parent: null })}>
            新增大类
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        时限按工作时间计算（法定节假日、调休以工作日历为准）；留空的时限继承上一级：社区本地时限 → 街道本地时限 → 小类 →
        大类 → 系统默认（
        {data ? STEP_LABELS.map(([k, l]) => `${l}${describeMinutes(data.defaults[k])}`).join('、') : ''}
        ）。修改只影响此后新开始的环节。
      </Typography.Paragraph>
      <Table<ConfigCategory>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.data ?? []}
        pagination={false}
        expandable={{ defaultExpandAllRows: false }}
        rowClassName={(c) => (c.active ? '' : 'row-retired')}
        columns={[
          { title: '编码', dataIndex: 'code', width: 80 },
          {
            title: '名称',
            dataIndex: 'name',
            render: (n: string, c) => (
              <Space>
                {n}
                {!c.active && <Tag>已停用</Tag>}
                {c.questions.length > 0 && <Tag color="blue">{c.questions.length} 个附加问题</Tag>}
              </Space>
            ),
          },
          { title: '性质', dataIndex: 'kind', width: 90, render: (k: keyof typeof KIND_LABELS) => KIND_LABELS[k] },
          {
            title: '派遣',
            key: 'route',
            render: (_, c) =>
              [
                c.defaultLevel ? (DISPATCH_LEVEL_LABELS_ZH as Record<string, string>)[c.defaultLevel] : null,
                deptName(c.defaultDepartmentCode),
              ]
                .filter(Boolean)
                .join(' · ') || '随大类',
          },
          ...STEP_LABELS.map(([key, label]) => ({
            title: label,
            key,
            width: 96,
            render: (_: unknown, c: ConfigCategory) => describeMinutes(c[key]),
          })),
          {
            title: '操作',
            key: 'ops',
            width: 260,
            render: (_, c) => (
              <Space size={0} wrap>
                {canTree && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEditing({ mode: 'edit', category: c, parent: parentOf(c) })}
                  >
                    编辑
                  </Button>
                )}
                {canTree && c.parentId === null && c.active && (
                  <Button type="link" size="small" onClick={() => setEditing({ mode: 'create', parent: c })}>
                    新增小类
                  </Button>
                )}
                {c.parentId !== null && (
                  <Button type="link" size="small" onClick={() => setOverrides(c.id)}>
                    本地时限{c.overrides.length ? `（${c.overrides.length}）` : ''}
                  </Button>
                )}
                {canTree && (
                  <Button type="link" size="small" danger={c.active} onClick={() => toggle(c)}>
                    {c.active ? '停用' : '启用'}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <CategoryDrawer
          editing={editing}
          departments={departments ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('已保存');
            reload();
          }}
        />
      )}
      {overrides !== null && me.scope && all.find((c) => c.id === overrides) && (
        <OverridesModal
          category={all.find((c) => c.id === overrides)!}
          scope={me.scope}
          canWrite={canOverride}
          onClose={() => setOverrides(null)}
          onSaved={reload}
        />
      )}
    </Card>
  );
}
