import { createFieldCipher } from '../../platform/crypto.ts';
import type { ModuleManifest } from '../manifest.ts';
import { deliverHandler } from './deliver.ts';
import { DELIVER_JOB } from './enqueue.ts';
import { notifyRoutes } from './routes.ts';

/** Notices beyond the app: e-mail, SMS and signed webhooks, sent from the job queue. */
export const notifyModule: ModuleManifest = {
  name: 'notify',
  routes: notifyRoutes as ModuleManifest['routes'],
  jobs: (deps) => ({ [DELIVER_JOB]: deliverHandler(deps.config.notify, createFieldCipher(deps.config.dataKey)) }),
};

export {
  enqueueNoticeDeliveries,
  enqueueWebhookEvent,
  areaAlertRecipients,
  listenedCondition,
  listenedPlaces,
} from './enqueue.ts';
