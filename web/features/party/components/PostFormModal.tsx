import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { errorMessage } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { createPost, updatePost, type CommunityPost, type PostBody } from '../api';
import { PERIOD_LABELS, POST_FIELDS, postBody, postFormValues, SOURCE_OPTIONS } from '../post-form';

/** Sets up a post (设岗定责): duties, the target per period, and the service items that earn points. */
export function PostFormModal({
  communityId,
  post,
  open,
  onClose,
  onSaved,
}: {
  communityId: number;
  post: CommunityPost | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PostBody>();
  const submit = (v: PostBody) =>
    (post ? updatePost(post.id, postBody(v)) : createPost(communityId, postBody(v))).then(
      () => {
        message.success(post ? '岗位已更新' : '岗位已设立');
        onSaved();
      },
      (e: unknown) => {
        if (!applyFieldErrors(form, e, POST_FIELDS)) message.error(errorMessage(e));
      },
    );
  return (
    <Modal
      title={post ? `编辑岗位：${post.name}` : '新设岗位'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={postFormValues(post)} preserve={false}>
        <Space align="start" wrap>
          <Form.Item name="name" label="岗位名称" rules={[{ required: true, message: '请填写岗位名称' }]}>
            <Input maxLength={20} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="period" label="考核周期" rules={[{ required: true, message: '请选择考核周期' }]}>
            <Select
              style={{ width: 120 }}
              options={Object.entries(PERIOD_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="targetPoints" label="目标积分" rules={[{ required: true, message: '请填写目标积分' }]}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="duties" label="岗位职责">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }, { errors }) => (
            <>
              <div style={{ marginBottom: 8 }}>服务项目与积分</div>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写项目名称' }]}>
                    <Input placeholder="项目，如：开展法治宣传一次" style={{ width: 220 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '请填写编码' }]}>
                    <Input placeholder="编码，如 legal_promo" style={{ width: 150 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sourceKind']} rules={[{ required: true, message: '请选择来源' }]}>
                    <Select options={SOURCE_OPTIONS} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: '请填写分值' }]}>
                    <InputNumber min={1} max={100} precision={0} addonAfter="分" style={{ width: 110 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      aria-label="删除服务项目"
                      style={{ marginTop: 8 }}
                      onClick={() => remove(f.name)}
                    />
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', label: '', sourceKind: 'manual', points: 1 })}
              >
                添加服务项目
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
