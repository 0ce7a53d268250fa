import type { Me } from '../../app/session/types';
import type { InboxFilter } from './api';

export interface InboxTab {
  key: string;
  label: string;
  filter: InboxFilter;
}

/** Dispatchers (社区/街道): one tab per step waiting for them, plus supervision of overdue cases. */
const DISPATCHER_TABS: InboxTab[] = [
  { key: 'reported', label: '待受理', filter: { states: ['reported'] } },
  { key: 'accepted', label: '待派遣', filter: { states: ['accepted', 'on_agenda'] } },
  { key: 'working', label: '办理中', filter: { states: ['dispatched', 'signed', 'handled'] } },
  { key: 'extension', label: '延期审批', filter: { states: ['extension_requested'] } },
  { key: 'verified', label: '待结案', filter: { states: ['verified'] } },
  { key: 'overdue', label: '超时督办', filter: { deadline: 'red' } },
  { key: 'parked', label: '挂账', filter: { states: ['parked'] } },
  { key: 'all', label: '全部', filter: {} },
];

/** Grid workers: the on-site checks of their grid, and what was dispatched to them. */
const GRID_WORKER_TABS: InboxTab[] = [
  { key: 'verify', label: '待核查', filter: { states: ['handled'] } },
  { key: 'mine', label: '待处置', filter: { mine: true, states: ['dispatched', 'signed', 'extension_requested'] } },
  { key: 'all', label: '全部', filter: {} },
];

/** Department handlers: the cases whistled to their department. */
const HANDLER_TABS: InboxTab[] = [
  { key: 'sign', label: '待签收', filter: { mine: true, states: ['dispatched'] } },
  { key: 'working', label: '办理中', filter: { mine: true, states: ['signed', 'extension_requested'] } },
  { key: 'all', label: '全部', filter: { mine: true } },
];

export function inboxTabsFor(me: Pick<Me, 'abilities'>): InboxTab[] {
  if (me.abilities.includes('cases.dispatch')) return DISPATCHER_TABS;
  if (me.abilities.includes('cases.verify')) return GRID_WORKER_TABS;
  return HANDLER_TABS;
}
