import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { apiSend } from '../../../shared/api';
import { formErrorMessage } from '../../../shared/form-errors';
import { CODE_LENGTHS, LEVEL_LABELS, type NodeLevel } from '../../../shared/org-levels';
import { fetchChildren } from '../api';
import type { OrgNodeDetail } from '../types';

type Dialog = 'add' | 'rename' | 'move' | null;
const CHILD: Partial<Record<NodeLevel, NodeLevel>> = {
  district: 'street',
  street: 'community',
  estate: 'building',
  building: 'house',
  grid: 'estate',
};

/** Where an estate (→ grids) or a building (→ estates) may go: the same community only. */
async function moveTargets(node: OrgNodeDetail): Promise<{ value: number; label: string }[]> {
  const community = node.ancestors.find((a) => a.level === 'community');
  if (!community) return [];
  const grids = (await fetchChildren(community.id, 1, 200)).data.filter((n) => n.level === 'grid');
  if (node.level === 'estate')
    return grids.filter((g) => g.id !== node.parentId).map((g) => ({ value: g.id, label: g.name }));
  const estates = (
    await Promise.all(
      grids.map(async (g) =>
        (await fetchChildren(g.id, 1, 200)).data.map((e) => ({ value: e.id, label: `${g.name} · ${e.name}` })),
      ),
    )
  ).flat();
  return estates.filter((e) => e.value !== node.parentId);
}

/** Maintenance of one node: add a child, rename, move (below grid level), retire. */
export function NodeActions({
  node,
  onChanged,
  onRetired,
}: {
  node: OrgNodeDetail;
  onChanged: () => void;
  onRetired: (parentId: number | null) => void;
}) {
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [targets, setTargets] = useState<{ value: number; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const canWrite = node.abilities.includes(node.level === 'grid' ? 'write_grid' : 'create_node');
  const canAdd = node.abilities.includes('create_node') && CHILD[node.level];
  if (!canWrite && !canAdd) return null;
  const child = CHILD[node.level];

  const open = async (d: Dialog) => {
    setError(null);
    form.resetFields();
    if (d === 'rename') form.setFieldsValue({ name: node.name, households: node.households });
    if (d === 'add') form.setFieldsValue({ code: node.code });
    if (d === 'move') setTargets(await moveTargets(node));
    setDialog(d);
  };
  const submit = async (v: Record<string, unknown>) => {
    try {
      if (dialog === 'add')
        await apiSend('POST', '/api/org/nodes', {
          parentId: node.id,
          level: child,
          code: v.code,
          name: v.name,
          ...(v.households != null ? { households: v.households } : {}),
        });
      if (dialog === 'rename')
        await apiSend('PATCH', `/api/org/nodes/${node.id}`, { name: v.name, households: v.households ?? null });
      if (dialog === 'move') await apiSend('POST', `/api/org/nodes/${node.id}/move`, { parentId: v.parentId });
      message.success('已保存');
      setDialog(null);
      onChanged();
    } catch (err) {
      setError(formErrorMessage(form, err, ['code', 'name', 'households', 'parentId']));
    }
  };
  const retire = () =>
    modal.confirm({
      title: `撤销${LEVEL_LABELS[node.level]}「${node.name}」？`,
      content: '撤销后不再出现在列表、地图和选择框中，编码与历史记录保留。仍有下级、未办结案件或在岗网格员时不能撤销。',
      okText: '撤销',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await apiSend('POST', `/api/org/nodes/${node.id}/retire`);
          message.success('已撤销');
          onRetired(node.parentId);
        } catch (err) {
          modal.error({ title: '不能撤销', content: err instanceof Error ? err.message : String(err) });
        }
      },
    });

  return (
    <Space wrap>
      {canAdd && child && <Button onClick={() => open('add')}>新增{LEVEL_LABELS[child]}</Button>}
      {canWrite && <Button onClick={() => open('rename')}>修改</Button>}
      {canWrite && (node.level === 'estate' || node.level === 'building') && (
        <Button onClick={() => open('move')}>迁移</Button>
      )}
      {canWrite && node.level !== 'district' && (
        <Button danger onClick={retire}>
          撤销
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'add'
            ? `新增${child ? LEVEL_LABELS[child] : ''}`
            : dialog === 'move'
              ? '迁移（限同一社区内）'
              : '修改节点'
        }
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'add' && child && (
            <Form.Item
              name="code"
              label="编码"
              tooltip={`${CODE_LENGTHS[child]} 位：以上级编码 ${node.code} 开头`}
              rules={[{ required: true, len: CODE_LENGTHS[child], message: `编码应为 ${CODE_LENGTHS[child]} 位数字` }]}
            >
              <Input maxLength={CODE_LENGTHS[child]} />
            </Form.Item>
          )}
          {(dialog === 'add' || dialog === 'rename') && (
            <>
              <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="households" label="户数">
                <InputNumber min={0} max={100000} />
              </Form.Item>
            </>
          )}
          {dialog === 'move' && (
            <Form.Item
              name="parentId"
              label={node.level === 'estate' ? '迁到网格' : '迁到小区'}
              rules={[{ required: true, message: '请选择' }]}
              extra="跨社区调整会牵动居民、案件和统计口径，请撤销后在新社区重新建立。"
            >
              <Select options={targets} showSearch optionFilterProp="label" />
            </Form.Item>
          )}
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Modal>
    </Space>
  );
}
