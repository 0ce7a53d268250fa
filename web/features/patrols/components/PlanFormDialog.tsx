import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { formErrorMessage } from '../../../shared/form-errors';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { fromPicker, pickerNow, toPicker } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { createPlan, fetchCandidates, updatePlan, type PatrolPlanDetail } from '../api';

interface Values {
  title: string;
  scopeNodeId: number;
  window: [Dayjs, Dayjs];
  memberUserIds: number[];
  routeGridIds: number[];
  note?: string;
}
const FIELDS = ['title', 'scopeNodeId', 'window', 'memberUserIds', 'routeGridIds', 'note'];

/** The scopes a planner can pick: their street and its communities, or their own community. */
function useScopes() {
  const me = useMe();
  const communities = useCommunities(me);
  const own =
    me.scope && me.scope.level === 'street' ? [{ value: me.scope.nodeId, label: `${me.scope.name}（全街道）` }] : [];
  return [...own, ...(communities.data ?? [])];
}

/** Create or edit a plan: scope, time window (Shanghai), members from several units, and the route's grids in order. */
export function PlanFormDialog({
  plan,
  onClose,
  onSaved,
}: {
  plan?: PatrolPlanDetail;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const scopes = useScopes();
  const districtWide = useMe().scope?.level === 'district';
  const scopeNodeId = Form.useWatch('scopeNodeId', form) ?? plan?.scopeNodeId;
  const candidates = useAsync(
    async (signal) => (scopeNodeId ? fetchCandidates(scopeNodeId, signal) : { members: [], grids: [] }),
    [scopeNodeId],
  );
  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    const body = {
      title: v.title,
      scopeNodeId: v.scopeNodeId,
      startsAt: fromPicker(v.window[0]),
      endsAt: fromPicker(v.window[1]),
      memberUserIds: v.memberUserIds,
      routeGridIds: v.routeGridIds,
      ...(v.note ? { note: v.note } : {}),
    };
    try {
      const saved = plan ? await updatePlan(plan.id, body) : await createPlan(body);
      message.success(plan ? '巡查计划已修改' : '巡查计划已创建');
      onSaved(saved.data.id);
    } catch (error) {
      setProblem(formErrorMessage(form, error, FIELDS, { startsAt: 'window', endsAt: 'window' }));
    } finally {
      setBusy(false);
    }
  };
  const start = pickerNow().startOf('hour').add(1, 'hour');
  return (
    <Modal
      open
      title={plan ? '修改巡查计划' : '新建联合巡查'}
      okText="保存"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          plan
            ? {
                title: plan.title,
                scopeNodeId: plan.scopeNodeId,
                window: [toPicker(plan.startsAt), toPicker(plan.endsAt)],
                memberUserIds: plan.memberList.map((m) => m.userId),
                routeGridIds: plan.route.map((r) => r.gridId),
                note: plan.note ?? undefined,
              }
            : { window: [start, start.add(2, 'hour')], scopeNodeId: scopes[0]?.value }
        }
      >
        <Form.Item name="title" label="巡查主题" rules={[{ required: true, min: 2, max: 60, message: '2–60 个字' }]}>
          <Input placeholder="如 市容秩序联合巡查" />
        </Form.Item>
        <Form.Item name="scopeNodeId" label="巡查范围" rules={[{ required: true, message: '请选择街道或社区' }]}>
          {districtWide ? (
            // A district administrator picks any street or community of the tree.
            <TreeNodePicker
              levels={['street', 'community']}
              placeholder="选择街道或社区"
              onChange={() => form.setFieldsValue({ memberUserIds: [], routeGridIds: [] })}
            />
          ) : (
            <Select
              aria-label="巡查范围"
              options={scopes}
              onChange={() => form.setFieldsValue({ memberUserIds: [], routeGridIds: [] })}
            />
          )}
        </Form.Item>
        <Form.Item name="window" label="巡查时间（北京时间）" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="memberUserIds"
          label="参加成员（街道、社区、网格员与职能部门）"
          rules={[{ required: true, type: 'array', min: 2, message: '至少 2 名成员' }]}
        >
          <Select
            aria-label="参加成员"
            mode="multiple"
            loading={candidates.loading}
            optionFilterProp="label"
            options={(candidates.data?.members ?? []).map((m) => ({
              value: m.userId,
              label: `${m.displayName}（${m.unit}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="routeGridIds"
          label="巡查路线（按选择顺序依次巡查的网格）"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择 1 个网格' }]}
        >
          <Select
            aria-label="巡查路线"
            mode="multiple"
            loading={candidates.loading}
            optionFilterProp="label"
            options={(candidates.data?.grids ?? []).map((g) => ({ value: g.id, label: `${g.communityName}${g.name}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea rows={2} placeholder="巡查重点、集合地点等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
