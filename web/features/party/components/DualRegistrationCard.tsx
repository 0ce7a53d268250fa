import { Alert, App, Button, Card, Form, Input, Segmented, Select, Tag } from 'antd';
import { useState } from 'react';
import { formErrorMessage } from '../../../shared/form-errors';
import { useAsync } from '../../../shared/use-async';
import {
  fetchCoUnits,
  findCommunities,
  requestRegistration,
  type CommunityHit,
  type Overview,
  type RegistrationInput,
} from '../api';

const STATE = {
  pending: ['待社区确认', 'gold'],
  confirmed: ['已报到', 'green'],
  rejected: ['未通过，可重新报到', 'red'],
} as const;
const KINDS = [
  { value: 'in_service', label: '在职党员' },
  { value: 'retired', label: '离退休党员' },
  { value: 'floating', label: '流动党员' },
];
const FIELDS = ['communityId', 'kind', 'workUnit', 'coUnitId'];

interface Values {
  communityId?: number;
  kind: RegistrationInput['kind'];
  workUnit?: string;
  coUnitId?: number;
}

/**
 * 双报到 on the member's phone: find the community where they live by name, say what kind of
 * member they are and, in service, their work unit — a co-building unit from the list (the unit
 * then sees their community service) or typed in. The community confirms.
 */
export function DualRegistrationCard({ member, onDone }: { member: Overview['member']; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(member.registrationState === null);
  const [hits, setHits] = useState<CommunityHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const coUnits = useAsync((s) => fetchCoUnits(s), []);
  const search = (q: string) => {
    if (q.trim()) findCommunities(q.trim()).then(setHits, () => setHits([]));
  };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await requestRegistration({
        communityId: v.communityId!,
        kind: v.kind,
        ...(v.kind === 'in_service' && v.coUnitId ? { coUnitId: v.coUnitId } : {}),
        ...(v.kind === 'in_service' && !v.coUnitId && v.workUnit ? { workUnit: v.workUnit } : {}),
      });
      message.success('已提交报到，等待社区确认');
      setEditing(false);
      onDone();
    } catch (err) {
      setError(formErrorMessage(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const state = member.registrationState ? STATE[member.registrationState] : null;
  return (
    <Card title="双报到（向居住地社区报到）" size="small" extra={state && <Tag color={state[1]}>{state[0]}</Tag>}>
      {member.registeredCommunityName && !editing && (
        <p style={{ margin: 0 }}>
          报到社区：{member.registeredCommunityName}
          {member.workUnit ? `；工作单位：${member.workUnit}` : ''}
        </p>
      )}
      {!editing && member.registrationState === 'rejected' && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setEditing(true)}>
          重新报到
        </Button>
      )}
      {editing && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'in_service' }}
          onFinish={submit}
          aria-label="双报到"
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item name="communityId" label="居住地社区" rules={[{ required: true, message: '请选择居住地社区' }]}>
            <Select
              showSearch
              placeholder="输入社区名称查找"
              filterOption={false}
              onSearch={search}
              options={hits.map((c) => ({ value: c.id, label: `${c.name}（${c.streetName}）` }))}
              notFoundContent="输入社区名称中的字查找"
            />
          </Form.Item>
          <Form.Item name="kind" label="党员类别">
            <Segmented options={KINDS} />
          </Form.Item>
          {kind === 'in_service' && (
            <>
              <Form.Item name="coUnitId" label="工作单位是共建单位？" tooltip="选择后该单位可以看到您在社区的服务情况">
                <Select
                  allowClear
                  placeholder="从共建单位中选择（可不选）"
                  loading={coUnits.loading}
                  options={(coUnits.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.coUnitId !== b.coUnitId}>
                {() =>
                  !form.getFieldValue('coUnitId') && (
                    <Form.Item
                      name="workUnit"
                      label="工作单位"
                      rules={[{ required: true, message: '在职党员须填写工作单位' }]}
                    >
                      <Input maxLength={80} placeholder="单位全称" />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={busy} block>
            提交报到
          </Button>
        </Form>
      )}
    </Card>
  );
}
