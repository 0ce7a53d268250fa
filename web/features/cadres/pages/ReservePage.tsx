import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  POST_KIND_LABELS,
  RESERVE_STATE_LABELS,
  type PostKind,
  type ReserveState,
} from '../../../../contracts/cadres.ts';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { formatDate } from '../../../shared/time';
import { useAsync } from '../../../shared/use-async';
import { addReserve, fetchReserve, updateReserve, type ReserveRow } from '../api';
import { CadrePicker } from '../components/CadrePicker';

const STATES = Object.entries(RESERVE_STATE_LABELS).map(([value, label]) => ({ value, label }));

/** 后备人才库: who is being prepared for which post, and where they stand. */
export default function ReservePage() {
  const { message } = App.useApp();
  const list = useAsync((s) => fetchReserve(s), []);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ cadreId: number; targetKind: PostKind; state: ReserveState; note: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await addReserve({ ...v, note: v.note ?? '' });
      setAdding(false);
      form.resetFields();
      list.reload();
    } catch (e) {
      setError(formErrorMessage(form, e, ['cadreId', 'targetKind', 'state', 'note']));
    }
  };
  const move = (r: ReserveRow, state: ReserveState) =>
    updateReserve(r.id, { state, note: r.note }).then(list.reload, (e: unknown) => {
      message.error(errorMessage(e));
    });
  return (
    <Card
      title="后备人才库"
      extra={
        <Button type="primary" onClick={() => (setError(null), setAdding(true))}>
          加入后备
        </Button>
      }
    >
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ReserveRow>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data}
          scroll={{ x: true }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'cadreName',
              render: (n: string, r) => <Link to={`/cadres/${r.cadreId}`}>{n}</Link>,
            },
            { title: '所在单位', dataIndex: 'unit' },
            { title: '管理单位', dataIndex: 'nodeName' },
            { title: '培养方向', dataIndex: 'targetKind', render: (k: PostKind) => POST_KIND_LABELS[k] },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: ReserveState, r) => (
                <Select
                  size="small"
                  style={{ width: 120 }}
                  value={s}
                  options={STATES}
                  onChange={(v) => void move(r, v)}
                />
              ),
            },
            { title: '备注', dataIndex: 'note', render: (n: string) => n || '—' },
            { title: '更新', dataIndex: 'updatedAt', render: (v: string) => <Tag>{formatDate(v)}</Tag> },
          ]}
        />
      )}
      <Modal open={adding} title="加入后备人才库" onOk={() => void submit()} onCancel={() => setAdding(false)}>
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ targetKind: 'estate_secretary', state: 'candidate' }}>
          <Form.Item name="cadreId" label="人员（干部库）" rules={[{ required: true, message: '请选择人员' }]}>
            <CadrePicker />
          </Form.Item>
          <Form.Item name="targetKind" label="培养方向">
            <Select options={Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="state" label="状态">
            <Select options={STATES} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
