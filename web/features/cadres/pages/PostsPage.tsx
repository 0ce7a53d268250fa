import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { POST_KIND_LABELS, type PostKind, type PostRow } from '../../../../contracts/cadres.ts';
import { useMe } from '../../../app/session/SessionContext';
import { errorMessage } from '../../../shared/api';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { formErrorMessage } from '../../../shared/form-errors';
import { fromPicker, pickerNow, shanghaiToday } from '../../../shared/time';
import { TreeNodePicker } from '../../../shared/TreeNodePicker';
import { useAsync } from '../../../shared/use-async';
import { appoint, endPost, fetchNodePosts } from '../api';
import { CadrePicker } from '../components/CadrePicker';

const LEVELS = ['district', 'street', 'community', 'grid', 'estate', 'building'];

/** 干部岗位: the posts at a node and below (两委, 第一书记, 小区书记, 楼栋长与六大员, 联系点), appoint and end. */
export default function PostsPage() {
  const me = useMe();
  const { message } = App.useApp();
  // ?nodeId= opens a node directly (links from a grid or a person's posts).
  const [params] = useSearchParams();
  const [nodeId, setNodeId] = useState<number | undefined>(Number(params.get('nodeId')) || me.scope?.nodeId);
  const [history, setHistory] = useState(false);
  const [appointing, setAppointing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{
    cadreId: number;
    kind: PostKind;
    title: string;
    startedOn: ReturnType<typeof pickerNow>;
  }>();
  const posts = useAsync(async (s) => (nodeId ? fetchNodePosts(nodeId, history, s) : null), [nodeId, history]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await appoint({
        nodeId: nodeId!,
        cadreId: v.cadreId,
        kind: v.kind,
        title: v.title ?? '',
        startedOn: fromPicker(v.startedOn).slice(0, 10),
      });
      message.success('已任职');
      setAppointing(false);
      form.resetFields();
      posts.reload();
    } catch (e) {
      setError(formErrorMessage(form, e, ['cadreId', 'kind', 'title', 'startedOn']));
    }
  };

  return (
    <Card
      title="干部岗位"
      extra={
        <Space>
          <span>含历史</span>
          <Switch checked={history} onChange={setHistory} />
          {posts.data?.canManage && (
            <Button type="primary" onClick={() => (setError(null), setAppointing(true))}>
              任职
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ maxWidth: 360, marginBottom: 12 }}>
        <TreeNodePicker value={nodeId} onChange={setNodeId} levels={LEVELS} placeholder="选择节点" />
      </div>
      {posts.error ? (
        <ErrorAlert error={posts.error} onRetry={posts.reload} />
      ) : (
        <Table<PostRow>
          rowKey="id"
          loading={posts.loading}
          dataSource={posts.data?.data}
          scroll={{ x: true }}
          columns={[
            { title: '节点', dataIndex: 'nodeName' },
            {
              title: '岗位',
              dataIndex: 'title',
              render: (t: string, r) => (t === POST_KIND_LABELS[r.kind] ? t : `${t}（${POST_KIND_LABELS[r.kind]}）`),
            },
            {
              title: '姓名',
              dataIndex: 'cadreName',
              render: (n: string, r) => <Link to={`/cadres/${r.cadreId}`}>{n}</Link>,
            },
            {
              title: '所在单位',
              dataIndex: 'unit',
              render: (u: string, r) => (
                <>
                  {u} {r.crossAppointment && <Tag color="orange">交叉任职</Tag>}
                </>
              ),
            },
            { title: '任职日期', dataIndex: 'startedOn' },
            { title: '离任日期', dataIndex: 'endedOn', render: (v: string | null) => v ?? '在任' },
            {
              title: '操作',
              render: (_, r) =>
                posts.data?.canManage && !r.endedOn ? (
                  <Button
                    size="small"
                    onClick={() =>
                      Modal.confirm({
                        title: `${r.cadreName} 离任${r.title}？`,
                        onOk: () =>
                          endPost(r.id, shanghaiToday()).then(posts.reload, (e: unknown) => {
                            message.error(errorMessage(e));
                          }),
                      })
                    }
                  >
                    离任
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={appointing}
        title={`任职：${posts.data?.node.name ?? ''}`}
        onOk={() => void submit()}
        onCancel={() => setAppointing(false)}
        okText="任职"
      >
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={{ startedOn: pickerNow() }}>
          <Form.Item name="cadreId" label="人员（干部库）" rules={[{ required: true, message: '请选择人员' }]}>
            <CadrePicker />
          </Form.Item>
          <Form.Item name="kind" label="岗位" rules={[{ required: true, message: '请选择岗位' }]}>
            <Select options={Object.entries(POST_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="职务名称（可选，如 社区党委兼职委员）">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="startedOn" label="任职日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
