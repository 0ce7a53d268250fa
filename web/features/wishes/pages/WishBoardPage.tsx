import { App, Button, Card, Form, Input, InputNumber, List, Modal, Segmented, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { applyFieldErrors } from '../../../shared/form-errors';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import {
  ACTION_LABELS,
  ASSIGNEE_LABELS,
  fetchWishes,
  KIND_LABELS,
  publishWish,
  STATE_LABELS,
  transitionWish,
  type Wish,
  type WishKind,
  type WishView,
} from '../api';
import { DispatchModal } from '../components/DispatchModal';

// Actions needing one line of text; the field the server expects for each.
const NEEDS_TEXT: Record<string, 'reason' | 'photo' | 'note'> = {
  reject: 'reason',
  return: 'reason',
  fulfil: 'photo',
  thank: 'note',
};
/** What the publish form calls the title of each kind. */
const TITLE_LABEL: Record<WishKind, string> = { wish: '心愿', project: '项目名称', service_post: '岗位名称' };
type PublishValues = { kind: WishKind; title: string; description: string; budget?: number; claimDays?: number };

/** The wishes board (public), my wishes, and the community's review/confirm/dispatch queue — micro-wishes, micro-projects and service posts. */
export default function WishBoardPage() {
  const { message, modal } = App.useApp();
  const me = useMe();
  const staff = hasAbility(me, 'wishes.manage');
  const [view, setView] = useState<WishView>('board');
  const [kind, setKind] = useState<WishKind | 'all'>('all');
  const wishes = useAsync((s) => fetchWishes(view, kind === 'all' ? undefined : kind, s), [view, kind]);
  const [publishing, setPublishing] = useState(false);
  const [dispatching, setDispatching] = useState<Wish | null>(null);
  const [form] = Form.useForm<PublishValues>();
  const publishKind = Form.useWatch('kind', form) ?? 'wish';
  const act = (w: Wish, action: string) => {
    if (action === 'dispatch') {
      setDispatching(w);
      return;
    }
    const field = NEEDS_TEXT[action];
    const go = (extra: Record<string, string>) =>
      transitionWish(w, action, extra).then(
        () => {
          message.success(`${ACTION_LABELS[action]}成功`);
          wishes.reload();
        },
        (e: unknown) => message.error(errorMessage(e)),
      );
    if (!field) return void go({});
    let text = '';
    modal.confirm({
      title: ACTION_LABELS[action],
      content: (
        <Input
          placeholder={field === 'photo' ? '完成照片链接' : '说明'}
          onChange={(e) => {
            text = e.target.value;
          }}
        />
      ),
      onOk: () => go({ [field]: text || (field === 'note' ? '感谢' : '') }),
    });
  };
  const publish = (v: PublishValues) =>
    publishWish({
      kind: v.kind,
      title: v.title,
      description: v.description,
      budget: v.budget,
      claimDays: v.claimDays,
    }).then(
      () => {
        message.success(staff ? '已发布' : '已提交，等待社区审核');
        setPublishing(false);
        form.resetFields();
        wishes.reload();
      },
      (e: unknown) => {
        if (!applyFieldErrors(form, e, ['kind', 'title', 'description', 'budget', 'claimDays']))
          message.error(errorMessage(e));
      },
    );
  const views = [
    { value: 'board', label: '认领大厅' },
    { value: 'mine', label: '我的' },
    ...(staff ? [{ value: 'manage', label: '社区管理' }] : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Space wrap>
        <Segmented value={view} onChange={(v) => setView(v as WishView)} options={views} />
        <Select
          aria-label="类型"
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          options={[
            { value: 'all', label: '全部类型' },
            ...(Object.keys(KIND_LABELS) as WishKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] })),
          ]}
        />
        {hasAbility(me, 'wishes.publish') || staff ? (
          <Button type="primary" onClick={() => setPublishing(true)}>
            发布
          </Button>
        ) : null}
      </Space>
      {wishes.error ? (
        <ErrorAlert error={wishes.error} onRetry={wishes.reload} />
      ) : (
        <List
          loading={wishes.loading}
          dataSource={wishes.data ?? []}
          locale={{ emptyText: '暂无内容' }}
          renderItem={(w) => (
            <Card
              size="small"
              data-testid={`wish-${w.id}`}
              style={{ marginBottom: 8 }}
              title={
                <Space wrap>
                  <Tag color="blue">{KIND_LABELS[w.kind]}</Tag>
                  {w.title}
                  <Tag>{STATE_LABELS[w.state]}</Tag>
                </Space>
              }
              extra={w.communityName}
            >
              <p>{w.description}</p>
              <Space wrap>
                {w.budget ? <Tag>预算 ¥{w.budget}</Tag> : null}
                {w.assignee ? (
                  <Tag color="volcano">
                    派单：{ASSIGNEE_LABELS[w.assignee.kind]} {w.assignee.name}
                  </Tag>
                ) : w.claimantName ? (
                  <Tag color="red">认领人：{w.claimantName}</Tag>
                ) : null}
                {w.abilities.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    type={a === 'dispatch' ? 'primary' : 'default'}
                    onClick={() => act(w, a)}
                  >
                    {ACTION_LABELS[a]}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
        />
      )}
      <Modal
        title="发布"
        open={publishing}
        onCancel={() => setPublishing(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'wish' }} onFinish={publish}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Segmented
              block
              options={(Object.keys(KIND_LABELS) as WishKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={TITLE_LABEL[publishKind]}
            rules={[{ required: true, min: 2, message: '至少 2 个字' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="description" label="说明" rules={[{ required: true, min: 4, message: '至少 4 个字' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="budget" label="预算（元，可不填）">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          {staff ? (
            <Form.Item name="claimDays" label="认领后完成期限（天，默认 14）">
              <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
      {dispatching ? (
        <DispatchModal
          wish={dispatching}
          onClose={() => setDispatching(null)}
          onDone={() => {
            setDispatching(null);
            wishes.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
