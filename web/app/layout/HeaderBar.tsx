import { Button, Grid, Layout, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../session/SessionContext';
import type { Me } from '../session/types';
import { headerWidgets } from '../features';

/** `onOpenMenu`: on a phone the menu is a drawer opened from here, inside the header's own row. */
export function HeaderBar({ me, onOpenMenu }: { me: Me; onOpenMenu?: () => void }) {
  const { signOut } = useSession();
  // Phones keep the widgets, the name and sign-out; the title and the scope would push them off screen.
  const phone = !Grid.useBreakpoint().md;

  return (
    <Layout.Header style={headerStyle}>
      {onOpenMenu && (
        <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label="菜单" data-testid="menu-toggle" />
      )}
      {!phone && (
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          蜂巢 · 党建引领网格化治理
        </Typography.Title>
      )}
      <Space size="middle" wrap={false}>
        {headerWidgets}
        <span data-testid="current-user">
          <UserOutlined /> {me.displayName}
        </span>
        {!phone && <Tag color="red">{me.roleLabel}</Tag>}
        {!phone && me.scope && (
          <span>
            <EnvironmentOutlined /> {me.scope.name}
          </span>
        )}
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()} aria-label="退出登录">
          {!phone && '退出登录'}
        </Button>
      </Space>
    </Layout.Header>
  );
}

const headerStyle = {
  background: '#fff',
  padding: '0 12px',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 16,
  borderBottom: '1px solid #f0f0f0',
} as const;
