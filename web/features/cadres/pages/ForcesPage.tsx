import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { FORCE_ROLE_LABELS, type ForceRow } from '../../../../contracts/cadres.ts';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { useAsync } from '../../../shared/use-async';
import { addForce, fetchForces, removeForce } from '../api';

type ForceForm = { role: ForceRow['role']; name: string; unit: string; phone: string };

/** 网格力量: police, market supervision, enforcement and property people of a grid (shown on the grid card). */
export default function ForcesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [gridId, setGridId] = useState<number | undefined>(me.scope?.level === 'grid' ? me.scope.nodeId : undefined);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<ForceForm>();
  const roster = useAsync(async (s) => (gridId ? fetchForces(gridId, s) : null), [gridId]);
  const submit = async (v: ForceForm) => {
    setError(null);
    try {
      await addForce({ ...v, gridId: gridId! });
      form.resetFields(['name', 'unit', 'phone']);
      roster.reload();
    } catch (e) {
      setError(formErrorMessage(form, e, ['role', 'name', 'unit', 'phone']));
    }
  };
  return (
    <Card title="网格力量">
      <div style={{ maxWidth: 360, marginBottom: 12 }}>
        <TreeNodePicker
          value={gridId}
          onChange={setGridId}
          levels={['district', 'street', 'community', 'grid']}
          placeholder="选择网格"
        />
      </div>
      {roster.error ? (
        <ErrorAlert error={roster.error} onRetry={roster.reload} />
      ) : (
        <Table<ForceRow>
          rowKey="id"
          loading={roster.loading}
          dataSource={roster.data?.data}
          pagination={false}
          columns={[
            { title: '类别', dataIndex: 'role', render: (r: ForceRow['role']) => FORCE_ROLE_LABELS[r] },
            { title: '姓名', dataIndex: 'name' },
            { title: '单位', dataIndex: 'unit' },
            { title: '电话', dataIndex: 'phoneMasked' },
            {
              title: '操作',
              render: (_, r) =>
                roster.data?.canEdit ? (
                  <Popconfirm
                    title={`将 ${r.name} 移出网格力量？`}
                    onConfirm={() =>
                      removeForce(r.id).then(roster.reload, (e: unknown) => void message.error(errorMessage(e)))
                    }
                  >
                    <Button size="small" danger>
                      移出
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      {roster.data?.canEdit && (
        <>
          {error && <Alert type="error" message={error} style={{ margin: '12px 0' }} />}
          <Form
            form={form}
            layout="inline"
            onFinish={submit}
            initialValues={{ role: 'police' }}
            style={{ marginTop: 12, rowGap: 8 }}
          >
            <Form.Item name="role">
              <Select
                style={{ width: 140 }}
                options={Object.entries(FORCE_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name="name" rules={[{ required: true, message: '请填写姓名' }]}>
              <Input placeholder="姓名" style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="unit" rules={[{ required: true, message: '请填写单位' }]}>
              <Input placeholder="单位" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="phone" rules={[{ required: true, message: '请填写电话' }]}>
              <Input placeholder="电话" style={{ width: 150 }} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                配备
              </Button>
            </Space>
          </Form>
        </>
      )}
    </Card>
  );
}
