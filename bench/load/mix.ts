/**
 * What the load bench's sessions do: per demo account (role), a weighted mix of the requests its
 * pages make. Writes are real: grid workers and residents report cases, staff report walk-in cases
 * and accept (立案) them, everyone marks notifications read. A session only acts on cases it created
 * or listed itself, so writes do not collide on one case's version (409 would be a bench artefact).
 */
export type Kind =
  | 'login'
  | 'me'
  | 'todos'
  | 'notifications'
  | 'categories'
  | 'inbox'
  | 'inbox mine'
  | 'case detail'
  | 'suggestion'
  | 'bigscreen cases'
  | 'accounts'
  | 'wishes'
  | 'report case'
  | 'accept case'
  | 'read notifications';

export interface Session {
  username: string;
  role: string;
  cookie: string;
  csrf: string;
  state: { categories?: number[]; seen?: number[]; pending?: { id: number; version: number }[] };
}

export interface Step {
  kind: Kind;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  after?: (session: Session, json: unknown) => void;
}

const WRITES = new Set<Kind>(['report case', 'accept case', 'read notifications']);

/** Sessions per demo account, in proportion (200 sessions: 50 grid workers, 40 staff, …). */
const ACCOUNTS: [username: string, weight: number][] = [
  ['gridworker', 50],
  ['staff', 40],
  ['resident', 35],
  ['secretary', 30],
  ['street', 25],
  ['dept', 10],
  ['admin', 10],
];

const pick = <T>(options: [T, number][]): T => {
  let r = Math.random() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of options) if ((r -= w) < 0) return value;
  return options.at(-1)![0];
};
const any = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

const REPORTS = [
  ['楼道堆满杂物', '3 号楼 2 单元楼道里堆满了纸箱和旧家具，堵住了消防通道，请尽快清理。'],
  ['路灯不亮', '小区北门外的路灯已经坏了一周，晚上很黑，老人出门不安全。'],
  ['垃圾桶满溢', '12 栋旁边的垃圾桶满了两天没人清运，夏天味道很大。'],
  ['夜间施工噪音', '隔壁工地晚上十一点以后还在打桩，吵得睡不着觉。'],
  ['占道经营', '早餐摊把桌椅摆到人行道上，行人只能走机动车道。'],
  ['下水道堵塞', '楼下下水道堵了，污水冒到路面上，臭得不行。'],
] as const;

function collectLeaves(nodes: unknown, out: number[] = []): number[] {
  for (const n of (nodes as { id: number; children?: unknown[] }[]) ?? []) {
    if (n.children?.length) collectLeaves(n.children, out);
    else out.push(n.id);
  }
  return out;
}

const listIds = (session: Session, json: unknown) => {
  const ids = ((json as { data?: { id: number }[] }).data ?? []).map((r) => r.id);
  if (ids.length) session.state.seen = ids;
};
const reportBody = () => {
  const [title, description] = any(REPORTS);
  return { title, description: `${description}（压测 ${Date.now()}）`, address: '压测地址 1 号' };
};
const detail = (session: Session): Step | null =>
  session.state.seen?.length
    ? { kind: 'case detail', method: 'GET', path: `/api/cases/${any(session.state.seen)}` }
    : null;

const common = {
  me: (): Step => ({ kind: 'me', method: 'GET', path: '/api/me' }),
  todos: (): Step => ({ kind: 'todos', method: 'GET', path: '/api/me/todos' }),
  notifications: (): Step => ({ kind: 'notifications', method: 'GET', path: '/api/notifications?page=1&pageSize=20' }),
  readAll: (): Step => ({ kind: 'read notifications', method: 'POST', path: '/api/notifications/read', body: {} }),
  inbox: (state: string): Step => ({
    kind: 'inbox',
    method: 'GET',
    path: `/api/cases?state=${state}&page=1&pageSize=20`,
    after: listIds,
  }),
  mine: (): Step => ({
    kind: 'inbox mine',
    method: 'GET',
    path: '/api/cases?mine=true&page=1&pageSize=20',
    after: listIds,
  }),
  bigscreen: (): Step => ({ kind: 'bigscreen cases', method: 'GET', path: '/api/analytics/bigscreen/cases' }),
};

function next(session: Session): Step {
  const s = session.state;
  switch (session.username) {
    case 'gridworker':
    case 'resident': {
      const step = pick<() => Step | null>([
        [
          () => ({ kind: 'report case', method: 'POST', path: '/api/cases', body: reportBody() }),
          session.username === 'gridworker' ? 25 : 10,
        ],
        [common.mine, 30],
        [() => detail(session), 15],
        [common.todos, 15],
        [common.notifications, 10],
        [common.readAll, 3],
        [
          () => ({ kind: 'wishes', method: 'GET', path: '/api/wishes?page=1&pageSize=20' }),
          session.username === 'resident' ? 10 : 0,
        ],
        [common.me, 2],
      ])();
      return step ?? common.mine();
    }
    case 'staff': {
      if (!s.categories)
        return {
          kind: 'categories',
          method: 'GET',
          path: '/api/cases/categories',
          after: (x, json) => {
            x.state.categories = collectLeaves((json as { data: unknown }).data);
          },
        };
      // Walk-in intake: report a case, then accept (立案) it with its category a moment later.
      if (s.pending?.length && Math.random() < 0.5) {
        const c = s.pending.shift()!;
        return {
          kind: 'accept case',
          method: 'POST',
          path: `/api/cases/${c.id}/accept`,
          body: { version: c.version, categoryId: any(s.categories) },
        };
      }
      const step = pick<() => Step | null>([
        [
          () => ({
            kind: 'report case',
            method: 'POST',
            path: '/api/cases',
            body: reportBody(),
            after: (x, json) => {
              const d = (json as { data: { id: number; version: number } }).data;
              (x.state.pending ??= []).push(d);
            },
          }),
          10,
        ],
        [() => common.inbox('reported'), 25],
        [() => common.inbox('accepted'), 10],
        [() => detail(session), 20],
        [
          () =>
            s.seen?.length ? { kind: 'suggestion', method: 'GET', path: `/api/cases/${any(s.seen)}/suggestion` } : null,
          10,
        ],
        [common.todos, 10],
        [common.notifications, 8],
        [common.readAll, 2],
        [common.me, 2],
      ])();
      return step ?? common.inbox('reported');
    }
    case 'admin':
    case 'street':
    case 'secretary':
    case 'dept':
    default: {
      const step = pick<() => Step | null>([
        [() => common.inbox(any(['reported', 'dispatched', 'handled', 'closed'])), 30],
        [() => detail(session), 20],
        [common.bigscreen, session.username === 'dept' ? 0 : 10],
        [
          () => ({ kind: 'accounts', method: 'GET', path: '/api/accounts?page=1&pageSize=20' }),
          session.username === 'dept' ? 0 : 5,
        ],
        [common.todos, 15],
        [common.notifications, 10],
        [common.readAll, 3],
        [common.me, 2],
      ])();
      return step ?? common.todos();
    }
  }
}

export const DEMO_MIX = {
  writes: WRITES,
  /** The account of session i of n: sessions are handed out in proportion to the weights. */
  pick(i: number, n: number): string {
    const total = ACCOUNTS.reduce((s, [, w]) => s + w, 0);
    let acc = 0;
    const at = ((i + 0.5) / n) * total;
    for (const [username, w] of ACCOUNTS) if (at < (acc += w)) return username;
    return ACCOUNTS.at(-1)![0];
  },
  next,
};
