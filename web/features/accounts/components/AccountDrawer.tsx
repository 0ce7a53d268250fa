import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { createAccount, updateAccount } from '../api';
import { departmentsFor } from '../logic';
import type { Account, Grantable } from '../types';
import { ScopeTreeSelect } from './ScopeTreeSelect';
import { MOBILE_RE } from '../../../../contracts/phone.ts';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  role: string;
  scopeNodeId: number;
  departmentId?: number;
  password?: string;
}
const FIELDS = ['username', 'displayName', 'phone', 'role', 'scopeNodeId', 'departmentId', 'password'] as const;

interface Props {
  open: boolean;
  /** null: a new account. */
  account: Account | null;
  grantable: Grantable | null;
  onClose: () => void;
  onSaved: (account: Account, temporaryPassword: string | null) => void;
}

/** Create or edit one account: the role list holds only grantable roles, the scope picker only fitting nodes. */
export function AccountDrawer({ open, account, grantable, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const scopeNodeId = Form.useWatch('scopeNodeId', form);
  const needsDepartment = grantable?.roles.find((r) => r.role === role)?.needsDepartment ?? false;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (account)
      form.setFieldsValue({
        username: account.username,
        displayName: account.displayName,
        phone: account.phone ?? undefined,
        role: account.role,
        scopeNodeId: account.scope?.nodeId,
        departmentId: account.departmentId ?? undefined,
      });
  }, [open, account, form]);

  async function submit(values: Values) {
    setSaving(true);
    setError(null);
    try {
      const phone = values.phone?.trim() || null;
      if (account) {
        onSaved(
          await updateAccount(account.id, {
            displayName: values.displayName,
            phone,
            role: values.role as Account['role'],
            scopeNodeId: values.scopeNodeId,
            departmentId: needsDepartment ? (values.departmentId ?? null) : null,
          }),
          null,
        );
      } else {
        const res = await createAccount({
          username: values.username.trim(),
          displayName: values.displayName,
          phone,
          role: values.role as Account['role'],
          scopeNodeId: values.scopeNodeId,
          departmentId: needsDepartment ? values.departmentId : undefined,
          password: values.password || undefined,
        });
        onSaved(res.data, res.temporaryPassword);
      }
    } catch (err) {
      if (!applyFieldErrors(form, err, FIELDS)) setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={account ? `编辑账号：${account.username}` : '新建账号'}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input disabled={!!account} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="手机号" name="phone" rules={[{ pattern: MOBILE_RE, message: '请输入 11 位手机号' }]}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={grantable?.roles.map((r) => ({ value: r.role, label: r.label }))}
            onChange={() => form.setFieldsValue({ scopeNodeId: undefined, departmentId: undefined })}
            placeholder="只列出您可以授予的角色"
          />
        </Form.Item>
        <Form.Item label="管辖范围" name="scopeNodeId" rules={[{ required: true, message: '请选择管辖范围' }]}>
          <ScopeTreeSelect grantable={grantable} role={role} initialLabel={account?.scope?.name} />
        </Form.Item>
        {needsDepartment && (
          <Form.Item label="所属部门" name="departmentId" rules={[{ required: true, message: '请选择所属部门' }]}>
            <Select
              options={departmentsFor(grantable, scopeNodeId).map((d) => ({ value: d.id, label: d.name }))}
              placeholder="先选择街道，再选择服务该街道的部门"
            />
          </Form.Item>
        )}
        {!account && (
          <Form.Item
            label="初始密码"
            name="password"
            extra="留空则自动生成一次性密码；无论哪种，本人首次登录后都须修改密码。"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
