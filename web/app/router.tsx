import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { Result } from 'antd';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { AppShell } from './layout/AppShell';
import { RequireAbility, RequireSession } from './session/RequireSession';
import { features } from './features';

const featureRoutes: RouteObject[] = features
  .flatMap((f) => f.routes)
  .map((route) => ({
    path: route.path,
    element: <RequireAbility ability={route.ability}>{route.element}</RequireAbility>,
  }));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [...featureRoutes, { path: '*', element: <Result status="404" title="页面不存在" /> }],
  },
]);
