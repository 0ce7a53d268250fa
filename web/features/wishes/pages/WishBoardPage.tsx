import { App, Button, Card, Form, Input, InputNumber, List, Modal, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { hasAbility, useMe } from '../../../app/session/SessionContext';
import { ErrorAlert } from '../../../shared/ErrorAlert';
import { errorMessage } from '../../../shared/api';
import { useAsync } from '../../../shared/use-async';
import { ACTION_LABELS, fetchWishes, publishWish, STATE_LABELS, transitionWish, type Wish, type WishView } from '../api';

// Actions needing one line of text; the field the server expects for each.
const NEEDS_TEXT: Record<string, 'reason' | 'photo' | 'note'> = { reject: 'reason', return: 'reason', fulfil: 'photo', thank: 'note' };

/** The wishes board (public), my wishes, and the community's review/confirm queue. */
export default function WishBoardPage() {
  const { message, modal } = App.useApp();
  const me = useMe();
  const [view, setView] = useState<WishView>('board');
  const wishes = useAsync((s) => fetchWishes(view, s), [view]);
  const [publishing, setPublishing] = useState(false);
  const [form] = Form.useForm();
  const act = (w: Wish, action: string) => {
    const field = NEEDS_TEXT[action];
    const go = (extra: Record<string, string>) => transitionWish(w, action, extra).then(() => { message.success(`${ACTION_LABELS[action]}成功`); wishes.reload(); }, (e: unknown) => message.error(errorMessage(e)));
    if (!field) return void go({});
    let text = '';
    modal.confirm({ title: ACTION_LABELS[action], content: <Input placeholder={field === 'photo' ? '完成照片链接' : '说明'} onChange={(e) => { text = e.target.value; }} />, onOk: () => go({ [field]: text || (field === 'note' ? '感谢' : '') }) });
  };
  const views = [{ value: 'board', label: '认领大厅' }, { value: 'mine', label: '我的' }, ...(hasAbility(me, 'wishes.manage') ? [{ value: 'manage', label: '社区审核' }] : [])];
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Space>
        <Segmented value={view} onChange={(v) => setView(v as WishView)} options={views} />
        {hasAbility(me, 'wishes.publish') || hasAbility(me, 'wishes.manage') ? <Button type="primary" onClick={() => setPublishing(true)}>发布心愿</Button> : null}
      </Space>
      {wishes.error ? <ErrorAlert error={wishes.error} onRetry={wishes.reload} /> : (
        <List loading={wishes.loading} dataSource={wishes.data ?? []} locale={{ emptyText: '暂无心愿' }} renderItem={(w) => (
          <Card size="small" style={{ marginBottom: 8 }} title={<Space>{w.title}<Tag>{STATE_LABELS[w.state]}</Tag></Space>} extra={w.communityName}>
            <p>{w.description}</p>
            <Space wrap>
              {w.budget ? <Tag>预算 ¥{w.budget}</Tag> : null}
              {w.claimantName ? <Tag color="red">认领人：{w.claimantName}</Tag> : null}
              {w.abilities.map((a) => <Button key={a} size="small" onClick={() => act(w, a)}>{ACTION_LABELS[a]}</Button>)}
            </Space>
          </Card>
        )} />
      )}
      <Modal title="发布微心愿" open={publishing} onCancel={() => setPublishing(false)} onOk={() => form.submit()}>
        <Form form={form} layout="vertical" onFinish={(v: { title: string; description: string; budget?: number }) => publishWish(v).then(() => { message.success('已提交，等待社区审核'); setPublishing(false); form.resetFields(); wishes.reload(); }, (e: unknown) => message.error(errorMessage(e)))}>
          <Form.Item name="title" label="心愿" rules={[{ required: true, min: 2 }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="description" label="说明" rules={[{ required: true, min: 4 }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item name="budget" label="预算（元，可不填）"><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
