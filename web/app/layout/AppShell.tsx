import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Grid, Layout, Menu, Spin } from 'antd';
import { useMe } from '../session/SessionContext';
import { menuEntries } from '../features';
import { activeMenuKey, visibleMenu } from '../menu';
import { HeaderBar } from './HeaderBar';

const { Sider, Content } = Layout;

export function AppShell() {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // On a phone the menu folds away completely (the trigger stays), leaving the page the full width.
  const phone = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(phone);
  const entries = useMemo(() => visibleMenu(menuEntries, me), [me]);
  const selected = activeMenuKey(entries, pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark" breakpoint="md" collapsedWidth={phone ? 0 : 80} onBreakpoint={setCollapsed}>
        <div style={brandStyle} title="蜂巢 · 党建引领网格化治理">
          {collapsed ? '蜂巢' : '蜂巢 GridHive'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={entries.map((e) => ({ key: e.key, icon: e.icon, label: e.label }))}
          onClick={({ key }) => {
            const entry = entries.find((e) => e.key === key);
            if (entry) void navigate(entry.path);
            if (phone) setCollapsed(true);
          }}
        />
      </Sider>
      <Layout>
        <HeaderBar me={me} />
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
