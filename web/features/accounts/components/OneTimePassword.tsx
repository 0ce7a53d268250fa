import { Alert, Modal, Typography } from 'antd';

/** Shows a temporary password once, with a copy button; it cannot be shown again after closing. */
export function OneTimePassword({
  username,
  password,
  onClose,
}: {
  username: string;
  password: string | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={!!password}
      title="一次性密码"
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText="我已记下"
      maskClosable={false}
    >
      <Alert
        type="warning"
        showIcon
        title="此密码只显示这一次，请立即交给本人。对方首次登录后须自行修改密码。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph>
        用户名：<Typography.Text strong>{username}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph>
        密码：
        <Typography.Text
          code
          copyable={{ text: password ?? '', tooltips: ['复制', '已复制'] }}
          style={{ fontSize: 18 }}
          data-testid="temporary-password"
        >
          {password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
