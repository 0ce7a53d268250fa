import { useState } from 'react';
import { Alert, Button, Divider, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { DISPATCH_LEVEL_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { formErrorMessage } from '../../../shared/form-errors';
import { createCategory, saveQuestions, updateCategory, type ConfigCategory, type Question } from '../config-api';
import type { Department } from '../types';
import { LimitFields } from './LimitFields';
import { QuestionsEditor } from './QuestionsEditor';

export const KIND_LABELS = { event: '事件', component: '部件', community: '社区事务' } as const;
const FIELDS = [
  'code',
  'name',
  'kind',
  'defaultLevel',
  'defaultDepartmentCode',
  'acceptMinutes',
  'signMinutes',
  'handleMinutes',
  'verifyMinutes',
  'questions',
];

/** Creating a group / a class under `parent`, or editing `category`. */
export type Editing =
  | { mode: 'create'; parent: ConfigCategory | null }
  | { mode: 'edit'; category: ConfigCategory; parent: ConfigCategory | null };

interface Values extends Record<string, unknown> {
  questions?: Question[];
}

export function CategoryDrawer({
  editing,
  departments,
  onClose,
  onSaved,
}: {
  editing: Editing;
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const category = editing.mode === 'edit' ? editing.category : null;
  const isClass = editing.mode === 'create' ? editing.parent !== null : editing.category.parentId !== null;
  const deptOptions = [...new Map(departments.map((d) => [d.code, { value: d.code, label: d.name }])).values()];

  const submit = async ({ questions, ...values }: Values) => {
    setBusy(true);
    setError(null);
    // An emptied limit means "inherit": the server wants null, not a missing field.
    for (const k of ['acceptMinutes', 'signMinutes', 'handleMinutes', 'verifyMinutes']) values[k] ??= null;
    try {
      if (editing.mode === 'create') await createCategory({ ...values, parentId: editing.parent?.id ?? null });
      else {
        await updateCategory(editing.category.id, values);
        if (isClass)
          await saveQuestions(
            editing.category.id,
            (questions ?? []).map((q) => ({
              ...q,
              datatypeDescription: q.datatypeDescription || null,
              values: q.values ?? [],
            })),
          );
      }
      onSaved();
    } catch (err) {
      setError(formErrorMessage(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const title =
    editing.mode === 'create'
      ? editing.parent
        ? `在「${editing.parent.name}」下新增小类`
        : '新增大类'
      : `编辑 ${category!.code} ${category!.name}`;
  return (
    <Drawer
      open
      title={title}
      width={720}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={category ?? { code: editing.parent?.code ?? '' }}
      >
        <Space wrap>
          <Form.Item
            name="code"
            label="类别编码"
            rules={[{ required: true, message: '请填写编码' }]}
            tooltip={
              isClass ? '上级编码加 2 位数字，创建后不能修改（即 Open311 服务编码）' : '2 位数字，创建后不能修改'
            }
          >
            <Input disabled={editing.mode === 'edit'} maxLength={isClass ? 4 : 2} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '名称至少 2 个字' }]}>
            <Input maxLength={30} style={{ width: 240 }} />
          </Form.Item>
          {!isClass && (
            <Form.Item name="kind" label="性质" rules={[{ required: true, message: '请选择' }]}>
              <Select
                style={{ width: 140 }}
                options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          )}
        </Space>
        <Space wrap>
          <Form.Item name="defaultLevel" label="默认派遣层级">
            <Select
              allowClear
              placeholder={isClass ? '随大类' : '不指定'}
              style={{ width: 160 }}
              options={Object.entries(DISPATCH_LEVEL_LABELS_ZH).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="defaultDepartmentCode" label="默认职能部门">
            <Select
              allowClear
              showSearch
              placeholder={isClass ? '随大类' : '不指定'}
              style={{ width: 260 }}
              options={deptOptions}
            />
          </Form.Item>
        </Space>
        <LimitFields inherited={editing.parent ?? undefined} />
        {editing.mode === 'edit' && isClass && (
          <>
            <Divider>附加问题</Divider>
            <Typography.Paragraph type="secondary">
              上报该类问题时须回答的问题，同时作为 Open311 服务定义对外发布。已上报案件的答案不受修改影响。
            </Typography.Paragraph>
            <QuestionsEditor />
          </>
        )}
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
    </Drawer>
  );
}
