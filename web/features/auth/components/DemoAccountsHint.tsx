import { Card, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';

/** The demo seed prints its accounts when the server starts; no password is shipped in the UI. */
export function DemoAccountsHint() {
  return (
    <Card size="small" style={{ width: 380 }}>
      <Typography.Paragraph style={{ margin: 0 }} type="secondary">
        <InfoCircleOutlined /> 演示环境：示例账号（街道管理员、社区书记、网格员等）及其密码在服务器启动时打印于控制台，
        请查看运行服务器的终端输出。
      </Typography.Paragraph>
    </Card>
  );
}
