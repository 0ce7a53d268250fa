import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { SetupGate } from '../features/setup/components/SetupGate';
import { SetupPage } from '../features/setup/pages/SetupPage';
import { SignupPage } from '../features/signup/pages/SignupPage';
import { AppShell } from './layout/AppShell';
import { RequireAbility, RequireSession } from './session/RequireSession';
import { features } from './features';

// 完美社区网: a community's public portal, read without signing in.
const PortalPage = lazy(() => import('../features/participation/pages/PortalPage'));

const allRoutes = features.flatMap((f) => f.routes);
const guarded = (routes: typeof allRoutes): RouteObject[] =>
  routes.map((route) => ({
    path: route.path,
    element: <RequireAbility ability={route.ability}>{route.element}</RequireAbility>,
  }));
const featureRoutes = guarded(allRoutes.filter((r) => !r.fullscreen));
const fullscreenRoutes = guarded(allRoutes.filter((r) => r.fullscreen));

export const router = createBrowserRouter([
  // A clean install has no account yet: the login page gives way to the setup page until it is done.
  {
    path: '/login',
    element: (
      <SetupGate>
        <LoginPage />
      </SetupGate>
    ),
  },
  { path: '/setup', element: <SetupPage /> },
  { path: '/signup', element: <SignupPage /> },
  {
    path: '/portal/:communityCode',
    element: (
      <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
        <PortalPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
          <Outlet />
        </Suspense>
      </RequireSession>
    ),
    children: fullscreenRoutes,
  },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [...featureRoutes, { path: '*', element: <Result status="404" title="页面不存在" /> }],
  },
]);
