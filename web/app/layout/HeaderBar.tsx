import { Button, Layout, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import type { Me } from '../session/types';
import { headerWidgets } from '../features';

export function HeaderBar({ me }: { me: Me }) {
  const { signOut } = useSession();

  return (
    <Layout.Header style={headerStyle}>
      <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
        蜂巢 · 党建引领网格化治理
      </Typography.Title>
      <Space size="middle" wrap={false}>
        {headerWidgets}
        <span data-testid="current-user">
          <UserOutlined /> {me.displayName}
        </span>
        <Tag color="red">{me.roleLabel}</Tag>
        {me.scope && (
          <span>
            <EnvironmentOutlined /> {me.scope.name}
          </span>
        )}
        <Button
          icon={<LogoutOutlined />}
          onClick={() => void signOut()}
        >
          退出登录
        </Button>
      </Space>
    </Layout.Header>
  );
}

const headerStyle = {
  background: '#fff',
  padding: '0 24px',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 16,
  borderBottom: '1px solid #f0f0f0',
} as const;
