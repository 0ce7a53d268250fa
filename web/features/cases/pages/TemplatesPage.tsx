import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { TEMPLATE_ACTION_LABELS } from '../../../../contracts/case-config.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import { CategoryCascader } from '../components/CategoryCascader';
import { createTemplate, deleteTemplate, fetchManagedTemplates, updateTemplate, type Template } from '../config-api';

const ACTIONS = Object.entries(TEMPLATE_ACTION_LABELS).map(([value, label]) => ({ value, label }));
type Values = { action: string; text: string; categoryId?: number };

/** 常用回复: canned replies offered in the transition dialogs of the administrator's area. */
export default function TemplatesPage() {
  const { modal } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync((signal) => fetchManagedTemplates(page, signal), [page]);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;

  const open = (t: Template | 'new') => {
    setEditing(t);
    setFormError(null);
    form.setFieldsValue(
      t === 'new'
        ? { action: 'reject', text: '', categoryId: undefined }
        : { action: t.action, text: t.text, categoryId: t.categoryId ?? undefined },
    );
  };
  const save = async (v: Values) => {
    try {
      if (editing === 'new') await createTemplate({ action: v.action, text: v.text, categoryId: v.categoryId ?? null });
      else if (editing) await updateTemplate(editing.id, { text: v.text, categoryId: v.categoryId ?? null });
      setEditing(null);
      reload();
    } catch (err) {
      setFormError(formErrorMessage(form, err, ['action', 'text', 'categoryId']));
    }
  };
  const remove = (t: Template) =>
    modal.confirm({
      title: '删除这条常用回复？',
      content: t.text,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        await deleteTemplate(t.id);
        reload();
      },
    });

  return (
    <Card
      title="常用回复"
      extra={
        <Button type="primary" onClick={() => open('new')}>
          新增
        </Button>
      }
    >
      <Table<Template>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.data ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.page.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: '环节',
            dataIndex: 'action',
            width: 110,
            render: (a: keyof typeof TEMPLATE_ACTION_LABELS) => TEMPLATE_ACTION_LABELS[a],
          },
          { title: '内容', dataIndex: 'text' },
          { title: '类别', dataIndex: 'category', width: 140, render: (c: string | null) => c ?? '通用' },
          { title: '适用范围', dataIndex: 'scopeName', width: 140 },
          {
            title: '',
            key: 'ops',
            width: 120,
            render: (_, t) => (
              <>
                <Button type="link" size="small" onClick={() => open(t)}>
                  编辑
                </Button>
                <Button type="link" size="small" danger onClick={() => remove(t)}>
                  删除
                </Button>
              </>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增常用回复' : '编辑常用回复'}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="action" label="用于环节" rules={[{ required: true }]}>
            <Select options={ACTIONS} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="categoryId" label="限定类别" tooltip="不选则所有类别都可使用">
            <CategoryCascader placeholder="通用" />
          </Form.Item>
          <Form.Item name="text" label="回复内容" rules={[{ required: true, min: 2, message: '至少 2 个字' }]}>
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Modal>
    </Card>
  );
}
