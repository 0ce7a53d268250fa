import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { PARTY_ORG_KIND_LABELS } from '../../../../contracts/party-org-labels.ts';
import { applyFieldErrors } from '../../../shared/form-errors';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  createOrg,
  fetchNodeOptions,
  updateOrg,
  type PartyOrg,
  type PartyOrgDetail,
  type PartyOrgKind,
} from '../org-api';

const NODE_LABEL: Partial<Record<PartyOrgKind, string>> = {
  joint_committee: '社区',
  grid_branch: '网格',
  building_group: '楼栋',
};

/** 新设下级组织: the kind (what may stand under the parent), its name and — except a functional group — the node it is built on. */
export function CreateOrgModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: PartyOrgDetail;
  onClose: () => void;
  onCreated: (org: PartyOrg) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: PartyOrgKind; name: string; nodeId?: number; secretaryName?: string }>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? parent.childKinds[0];
  const nodeLabel = kind ? NODE_LABEL[kind] : undefined;
  const options = useAsync(
    (s) => (kind && nodeLabel ? fetchNodeOptions(parent.id, kind, s) : Promise.resolve([])),
    [parent.id, kind],
  );
  const submit = async (values: { kind: PartyOrgKind; name: string; nodeId?: number; secretaryName?: string }) => {
    setSaving(true);
    try {
      const created = await createOrg({
        parentId: parent.id,
        kind: values.kind,
        name: values.name,
        nodeId: values.nodeId,
        secretaryName: values.secretaryName || undefined,
      });
      message.success('党组织已设立');
      onCreated(created);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['kind', 'name', 'nodeId', 'secretaryName'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`在「${parent.name}」下设立党组织`}
      okText="设立"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: parent.childKinds[0] }} onFinish={submit}>
        <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select
            options={parent.childKinds.map((k) => ({ value: k, label: PARTY_ORG_KIND_LABELS[k] }))}
            onChange={() => form.setFieldValue('nodeId', undefined)}
          />
        </Form.Item>
        {nodeLabel ? (
          <Form.Item
            name="nodeId"
            label={`所在${nodeLabel}`}
            rules={[{ required: true, message: `请选择${nodeLabel}` }]}
            extra={options.data && !options.data.length ? `没有尚未设立组织的${nodeLabel}` : undefined}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={options.loading}
              options={options.data?.map((n) => ({ value: n.id, label: n.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label="组织名称" rules={[{ required: true, min: 2, message: '组织名称至少 2 个字' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="secretaryName" label="书记（组长）">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 改名、更换书记. */
export function RenameOrgModal({
  org,
  onClose,
  onSaved,
}: {
  org: PartyOrgDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; secretaryName?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async (values: { name: string; secretaryName?: string }) => {
    setSaving(true);
    try {
      await updateOrg(org.id, { name: values.name, secretaryName: values.secretaryName ? values.secretaryName : null });
      message.success('已保存');
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['name', 'secretaryName'])) message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="修改党组织"
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: org.name, secretaryName: org.secretaryName ?? '' }}
        onFinish={submit}
      >
        <Form.Item name="name" label="组织名称" rules={[{ required: true, min: 2, message: '组织名称至少 2 个字' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="secretaryName" label="书记（组长）">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
