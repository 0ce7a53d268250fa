import type { ModuleManifest } from '../manifest.ts';
import { devicesRoutes } from './routes.ts';

export const devicesModule: ModuleManifest = { name: 'devices', routes: devicesRoutes as ModuleManifest['routes'] };
export { readDeviceIntakeConfig } from './config.ts';
export { startAlarmIntake } from './mqtt-intake.ts';
