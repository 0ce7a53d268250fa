import { lazy } from 'react';
import type { FeatureModule } from '../../app/feature';

const KioskPage = lazy(() => import('./pages/KioskPage'));

/** 易办事 terminal: full screen, no menu entry (the terminal account lands here from the home page). */
export const kioskFeature: FeatureModule = {
  menu: [],
  routes: [{ path: '/kiosk', element: <KioskPage />, ability: 'kiosk.use', fullscreen: true }],
};
