import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Table } from 'antd';
import { apiGet } from '../../../shared/api';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import type { MeScope } from '../../../app/session/types';
import { deleteOverride, putOverride, type ConfigCategory, type Limits } from '../config-api';
import { LimitFields } from './LimitFields';
import { describeMinutes, STEP_LABELS } from './limits';

/** Streets and communities an override may be set for: the actor's own node (if one) and those below it. */
async function overrideNodes(scope: MeScope, signal: AbortSignal) {
  const own =
    scope.level === 'street' || scope.level === 'community' ? [{ value: scope.nodeId, label: scope.name }] : [];
  if (scope.level === 'community') return own;
  const res = await apiGet<{ data: { id: number; name: string; level: string }[] }>(
    `/api/org/nodes/${scope.nodeId}/children?pageSize=100`,
    { signal },
  );
  return [
    ...own,
    ...res.data
      .filter((n) => n.level === 'street' || n.level === 'community')
      .map((n) => ({ value: n.id, label: n.name })),
  ];
}

/** A class's local limits (本地时限) in the actor's area: community → street → category. */
export function OverridesModal({
  category,
  scope,
  canWrite,
  onClose,
  onSaved,
}: {
  category: ConfigCategory;
  scope: MeScope;
  canWrite: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Partial<Limits> & { nodeId: number }>();
  const [error, setError] = useState<string | null>(null);
  const { data: nodes } = useAsync((signal) => overrideNodes(scope, signal), [scope.nodeId]);

  const save = async ({ nodeId, ...limits }: Partial<Limits> & { nodeId: number }) => {
    setError(null);
    try {
      await putOverride(category.id, nodeId, limits);
      message.success('本地时限已保存，此后新计算的时限按此执行');
      form.resetFields();
      onSaved();
    } catch (err) {
      setError(
        formErrorMessage(form, err, ['nodeId', 'acceptMinutes', 'signMinutes', 'handleMinutes', 'verifyMinutes']),
      );
    }
  };
  const remove = (nodeId: number, name: string) =>
    modal.confirm({
      title: `删除「${name}」的本地时限？`,
      content: '删除后按类别时限计算。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        await deleteOverride(category.id, nodeId);
        onSaved();
      },
    });

  return (
    <Modal open title={`本地时限 · ${category.code} ${category.name}`} width={760} footer={null} onCancel={onClose}>
      <Table
        size="small"
        rowKey="nodeId"
        pagination={false}
        dataSource={category.overrides}
        locale={{ emptyText: '暂无本地时限，按类别时限执行' }}
        columns={[
          { title: '街道/社区', dataIndex: 'nodeName' },
          ...STEP_LABELS.map(([key, label]) => ({
            title: label,
            dataIndex: key,
            render: (m: number | null) => describeMinutes(m),
          })),
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, o: ConfigCategory['overrides'][number]) => (
                    <Button size="small" danger type="link" onClick={() => remove(o.nodeId, o.nodeName)}>
                      删除
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={save} style={{ marginTop: 16 }}>
          <Form.Item name="nodeId" label="适用于" rules={[{ required: true, message: '请选择街道或社区' }]}>
            <Select options={nodes ?? []} style={{ width: 260 }} placeholder="选择街道或社区" />
          </Form.Item>
          <LimitFields inherited={category} />
          <Button type="primary" htmlType="submit">
            保存本地时限
          </Button>
        </Form>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
