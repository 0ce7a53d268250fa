import { App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { useCommunities } from '../../../shared/use-communities';
import { needsCommunityPick } from '../../../shared/needs-community';
import { createZone, fetchZoneCandidates, fetchZones, type ZoneView } from '../api';

interface ZoneForm {
  name: string;
  buildingNodeIds: number[];
  responsibilityMemberId: number;
  serviceUserId: number;
}

function NewZoneDialog(props: { communityId: number; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ZoneForm>();
  const [busy, setBusy] = useState(false);
  const candidates = useAsync((s) => fetchZoneCandidates(props.communityId, s), [props.communityId]);
  const c = candidates.data?.data;
  const submit = async (v: ZoneForm) => {
    setBusy(true);
    try {
      await createZone({ ...v, communityId: props.communityId });
      message.success(`已划分${v.name}`);
      props.onDone();
      props.onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="划分责任区"
      okText="保存"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label="责任区名称" rules={[{ required: true, min: 2, max: 40 }]}>
          <Input placeholder="如 一号责任区" />
        </Form.Item>
        <Form.Item name="buildingNodeIds" label="楼栋" rules={[{ required: true, message: '请选择楼栋' }]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={candidates.loading}
            options={(c?.buildings ?? []).map((b) => ({
              value: b.id,
              label: b.name,
              disabled: b.zoneId !== null,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="responsibilityMemberId"
          label="责任党员"
          rules={[{ required: true, message: '请选择责任党员' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={(c?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="serviceUserId" label="服务专员" rules={[{ required: true, message: '请选择服务专员' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(c?.staff ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 一区两员: the community's responsibility zones, each with a party member and a staff member. */
export default function ZonesPage() {
  const me = useMe();
  const communities = useCommunities(me);
  const [picked, setPicked] = useState<number>();
  const options = communities.data ?? [];
  const communityId = picked ?? options[0]?.value;
  const waiting = needsCommunityPick(me) && !communityId;
  const zones = useAsync(
    (s) => (waiting ? Promise.resolve({ data: [] }) : fetchZones(communityId, s)),
    [communityId, waiting],
  );
  const [adding, setAdding] = useState(false);
  if (zones.error) return <ErrorAlert error={zones.error} onRetry={zones.reload} />;
  return (
    <Card
      size="small"
      title="一区两员责任区"
      extra={
        <Space>
          {options.length > 1 && (
            <Select style={{ width: 160 }} value={communityId} options={options} onChange={setPicked} />
          )}
          {communityId && (
            <Button type="primary" onClick={() => setAdding(true)}>
              划分责任区
            </Button>
          )}
        </Space>
      }
    >
      <Table<ZoneView>
        rowKey="id"
        size="small"
        loading={zones.loading}
        dataSource={zones.data?.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '责任区', dataIndex: 'name' },
          { title: '楼栋', render: (_, z) => z.buildings.map((b) => b.name).join('、') },
          { title: '责任党员', render: (_, z) => z.responsibilityMember.name },
          {
            title: '服务专员',
            render: (_, z) => `${z.serviceMember.name}${z.serviceMember.phone ? ` ${z.serviceMember.phone}` : ''}`,
          },
        ]}
      />
      {adding && communityId && (
        <NewZoneDialog communityId={communityId} onClose={() => setAdding(false)} onDone={zones.reload} />
      )}
    </Card>
  );
}
