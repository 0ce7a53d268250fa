import type { z } from 'zod';
import type { registerDeviceBody } from '../../../../contracts/devices.ts';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DEVICE_KIND_LABELS_ZH, DEVICE_KINDS } from '../../../../contracts/devices.ts';
import { STATE_LABELS_ZH } from '../../../../contracts/case-labels.ts';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { formatTime } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import {
  fetchAlarms,
  fetchDevices,
  registerDevice,
  retireDevice,
  type AlarmView,
  type DeviceKind,
  type DeviceView,
} from '../api';

const KIND_OPTIONS = DEVICE_KINDS.map((k) => ({ value: k, label: DEVICE_KIND_LABELS_ZH[k] }));

type NewDevice = z.input<typeof registerDeviceBody>;

function RegisterDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewDevice>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: NewDevice) => {
    setBusy(true);
    try {
      await registerDevice(values);
      message.success(`已登记设备 ${values.code}`);
      onDone();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="登记设备"
      okText="登记"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'smoke' }}>
        <Form.Item
          name="code"
          label="设备编号"
          tooltip="设备上报告警时使用的编号（MQTT 主题中的编号）"
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{4,40}$/, message: '4–40 位字母、数字、- 或 _' }]}
        >
          <Input placeholder="如 SMK-320508-0001" />
        </Form.Item>
        <Form.Item name="kind" label="设备类型" rules={[{ required: true }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="name" label="设备名称" rules={[{ required: true, min: 2, max: 60, message: '2–60 个字' }]}>
          <Input placeholder="如 3幢2单元楼道烟感" />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label="安装位置（楼栋或房屋）"
          rules={[{ required: true, message: '请选择楼栋或房屋' }]}
        >
          <TreeNodePicker levels={['building', 'house']} placeholder="选择楼栋或房屋" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DevicesTab({ canManage }: { canManage: boolean }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useAsync((s) => fetchDevices(page, s), [page]);
  const retire = (d: DeviceView) =>
    retireDevice(d.id).then(
      () => {
        message.success(`已停用 ${d.code}`);
        list.reload();
      },
      (e: unknown) => message.error(errorMessage(e)),
    );
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canManage && (
        <Button type="primary" onClick={() => setAdding(true)}>
          登记设备
        </Button>
      )}
      <Table<DeviceView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.page.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 台`,
        }}
        columns={[
          { title: '编号', dataIndex: 'code', render: (c: string) => <code>{c}</code> },
          { title: '类型', dataIndex: 'kind', render: (k: DeviceKind) => DEVICE_KIND_LABELS_ZH[k] },
          { title: '名称', dataIndex: 'name' },
          { title: '位置', dataIndex: 'address' },
          { title: '告警次数', dataIndex: 'alarms' },
          { title: '最近告警', dataIndex: 'lastAlarmAt', render: (t: string | null) => formatTime(t) || '—' },
          {
            title: '状态',
            dataIndex: 'active',
            render: (a: boolean) => (a ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>),
          },
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, d: DeviceView) =>
                    d.active && (
                      <Popconfirm title={`停用后 ${d.code} 的告警将不再立案，确定停用？`} onConfirm={() => retire(d)}>
                        <Button size="small" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <RegisterDialog onClose={() => setAdding(false)} onDone={list.reload} />}
    </Space>
  );
}

function AlarmsTab() {
  const [page, setPage] = useState(1);
  const list = useAsync((s) => fetchAlarms(page, s), [page]);
  if (list.error) return <ErrorAlert error={list.error} onRetry={list.reload} />;
  return (
    <Table<AlarmView>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.data ?? []}
      scroll={{ x: true }}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.page.total ?? 0,
        onChange: setPage,
        showTotal: (n) => `共 ${n} 条`,
      }}
      columns={[
        { title: '告警时间', dataIndex: 'occurredAt', render: (t: string | null) => formatTime(t) || '—' },
        {
          title: '设备',
          render: (_, a) => (
            <>
              {a.deviceName} <code>{a.deviceCode}</code>
            </>
          ),
        },
        { title: '类型', dataIndex: 'kind', render: (k: DeviceKind) => DEVICE_KIND_LABELS_ZH[k] },
        { title: '告警内容', dataIndex: 'alarmType' },
        {
          title: '处理',
          dataIndex: 'outcome',
          render: (o: AlarmView['outcome']) =>
            o === 'case_created' ? <Tag color="red">已立案</Tag> : <Tag>并入已有案件</Tag>,
        },
        { title: '案件', render: (_, a) => <Link to={`/cases/${a.caseId}`}>{a.caseNo}</Link> },
        {
          title: '案件状态',
          dataIndex: 'caseState',
          render: (s: string) => STATE_LABELS_ZH[s as keyof typeof STATE_LABELS_ZH] ?? s,
        },
      ]}
    />
  );
}

/** Fire-monitoring and elderly-care devices of the user's area, and the alarms they raised. */
export default function DevicesPage() {
  const me = useMe();
  return (
    <Card title="设备告警" size="small">
      <Typography.Paragraph type="secondary">
        烟感、可燃气体、消防主机与养老监测设备通过 MQTT
        上报告警；同一设备在处置期间的重复告警并入同一案件，并实时通知所在网格的网格员。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'alarms', label: '告警记录', children: <AlarmsTab /> },
          { key: 'devices', label: '设备台账', children: <DevicesTab canManage={hasAbility(me, 'devices.manage')} /> },
        ]}
      />
    </Card>
  );
}
