import type { FeatureModule } from './feature';
import { homeFeature } from '../features/home';
import { orgFeature } from '../features/org';
import { gridMapFeature } from '../features/grid-map';
import { casesFeature } from '../features/cases';
import { patrolOutboxFeature } from '../features/patrol-outbox';
import { partyFeature } from '../features/party';
import { wishesFeature } from '../features/wishes';
import { volunteersFeature } from '../features/volunteers';
import { peopleFeature } from '../features/people';
import { open311Feature } from '../features/open311';
import { bigscreenFeature } from '../features/bigscreen';
import { onemapFeature } from '../features/onemap';
import { meetingsFeature } from '../features/meetings';
import { servicesFeature } from '../features/services';
import { boardsFeature } from '../features/boards';
import { ratingsFeature } from '../features/ratings';
import { auditFeature } from '../features/audit';
import { accountsFeature } from '../features/accounts';
import { signupFeature } from '../features/signup';
import { calendarFeature } from '../features/calendar';
import { devicesFeature } from '../features/devices';
import { patrolsFeature } from '../features/patrols';
import { participationFeature } from '../features/participation';
import { contactFeature } from '../features/contact';
import { outreachFeature } from '../features/outreach';
import { kioskFeature } from '../features/kiosk';
import { schoolFeature } from '../features/school';
import { cadresFeature } from '../features/cadres';
import { notifyFeature } from '../features/notify';

/** Every feature of the signed-in app, in menu order: adding a feature is one line here. */
export const features: FeatureModule[] = [
  homeFeature,
  orgFeature,
  gridMapFeature,
  casesFeature,
  patrolOutboxFeature,
  partyFeature,
  schoolFeature,
  cadresFeature,
  wishesFeature,
  volunteersFeature,
  peopleFeature,
  meetingsFeature,
  servicesFeature,
  boardsFeature,
  participationFeature,
  ratingsFeature,
  signupFeature,
  bigscreenFeature,
  onemapFeature,
  devicesFeature,
  patrolsFeature,
  contactFeature,
  outreachFeature,
  kioskFeature,
  open311Feature,
  calendarFeature,
  accountsFeature,
  notifyFeature,
  auditFeature,
];

export const menuEntries = features.flatMap((f) => f.menu);
export const headerWidgets = features.flatMap((f) => f.headerWidgets ?? []);
