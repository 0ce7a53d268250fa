import { lazy } from 'react';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { FeatureModule } from '../../app/feature';

const GridMapPage = lazy(() => import('./pages/GridMapPage'));
const BoundaryImportPage = lazy(() => import('./pages/BoundaryImportPage'));

/** Reading the map needs the same ability as reading the tree: both show the organisation. */
const ABILITY = 'org.read';

export const gridMapFeature: FeatureModule = {
  menu: [{ key: 'map', label: '网格地图', icon: <EnvironmentOutlined />, path: '/map', ability: ABILITY }],
  routes: [
    { path: '/map', element: <GridMapPage />, ability: ABILITY },
    { path: '/map/:nodeId', element: <GridMapPage />, ability: ABILITY },
    { path: '/map/:nodeId/import', element: <BoundaryImportPage />, ability: 'org.grid.write' },
  ],
};
