import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Drawer, Grid, Layout, Menu, Spin } from 'antd';
import { useMe } from '../session/SessionContext';
import { menuEntries } from '../features';
import { activeMenuKey, visibleMenu } from '../menu';
import { HeaderBar } from './HeaderBar';

const { Sider, Content } = Layout;

export function AppShell() {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the menu lives in a drawer opened from the header's menu button: a floating
  // trigger over the page would cover page titles.
  const phone = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The one place deciding what the menu offers: the abilities /api/me returned.
  const entries = useMemo(() => visibleMenu(menuEntries, me), [me]);
  const selected = activeMenuKey(entries, pathname);

  const menu = (
    <Menu
      data-testid="app-menu"
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={entries.map((e) => ({ key: e.key, icon: e.icon, label: e.label }))}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry) void navigate(entry.path);
        setDrawerOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <div style={brandStyle}>蜂巢 GridHive</div>
          {menu}
        </Drawer>
      ) : (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
          <div style={brandStyle} title="蜂巢 · 党建引领网格化治理">
            {collapsed ? '蜂巢' : '蜂巢 GridHive'}
          </div>
          {menu}
        </Sider>
      )}
      <Layout>
        <HeaderBar me={me} onOpenMenu={phone ? () => setDrawerOpen(true) : undefined} />
        <Content style={{ margin: phone ? 8 : 16 }}>
          {/* Pages are split into their own chunks: show a spinner while one loads. */}
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

const brandStyle = {
  height: 48,
  margin: 12,
  color: '#fff',
  fontSize: 18,
  fontWeight: 600,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
} as const;
