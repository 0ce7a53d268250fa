import { eq } from 'drizzle-orm';
import type { TodoItem } from '../../../contracts/todos.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { hasAbility } from '../accounts/abilities.ts';
import { users } from '../accounts/schema.ts';
import { pendingSignupCount } from '../accounts/signup/queries.ts';
import { caseTodoCounts } from '../cases/index.ts';
import { coUnitMemberCount, memberTodoCounts } from '../party/index.ts';
import { bookingTodoCounts } from '../services/index.ts';
import { volunteerTodoCounts } from '../volunteers/index.ts';
import { wishTodoCounts } from '../wishes/index.ts';

function item(
  key: string,
  label: string,
  count: number,
  path: string,
  opts: Partial<Pick<TodoItem, 'unit' | 'target' | 'tone'>> = {},
): TodoItem {
  return { key, label, count, path, unit: opts.unit ?? '件', target: opts.target ?? null, tone: opts.tone ?? 'normal' };
}

/** The community an account lives or works in: the first three ids of its scope path. */
function communityPathOf(actor: Actor): string | null {
  const ids = (actor.scopePath ?? '').split('/').filter(Boolean);
  return ids.length >= 3 ? `/${ids.slice(0, 3).join('/')}/` : null;
}

/**
 * Everyone's to-do list, chosen by what their role may do (the same abilities that build the
 * menu) and counted by the modules that own the records, so no role lands on an empty page.
 */
export async function todosOf(db: Queryable, actor: Actor): Promise<TodoItem[]> {
  const can = (ability: string) => hasAbility(actor.role, ability);
  const community = communityPathOf(actor);
  const items: TodoItem[] = [];
  if (can('cases.read') || can('cases.report')) {
    const c = await caseTodoCounts(db, actor);
    if (can('cases.dispatch')) {
      items.push(item('cases.toAccept', '待受理案件', c.toAccept, '/cases'));
      items.push(item('cases.overdue', '已超时案件', c.overdue, '/cases', { tone: c.overdue ? 'warning' : 'normal' }));
    }
    if (can('cases.verify')) items.push(item('cases.toVerify', '待核查结案', c.toVerify, '/cases'));
    if (can('cases.handle')) {
      items.push(item('cases.toSign', '待签收案件', c.toSign, '/cases', { tone: c.toSign ? 'warning' : 'normal' }));
      items.push(item('cases.inHand', '办理中案件', c.inHand, '/cases'));
    }
    if (can('cases.report')) items.push(item('cases.myOpen', '我的上报（未办结）', c.myOpen, '/cases/mine'));
  }
  if (can('accounts.verify'))
    items.push(
      item('signups.pending', '待实名核验的居民注册', await pendingSignupCount(db, actor), '/signups', { unit: '人' }),
    );
  if (can('party.self')) {
    const m = await memberTodoCounts(db, actor.userId);
    if (m) {
      items.push(
        item('party.monthPoints', '本月积分', m.monthPoints, '/party/me', {
          unit: '分',
          target: m.monthTarget,
          tone: m.monthPoints < m.monthTarget ? 'warning' : 'normal',
        }),
      );
      items.push(
        item('party.alerts', '近一月积分预警', m.alerts, '/party/me', {
          unit: '条',
          tone: m.alerts ? 'warning' : 'normal',
        }),
      );
    }
  }
  if (can('party.co_unit')) {
    const [me] = await db.select({ coUnitId: users.coUnitId }).from(users).where(eq(users.id, actor.userId));
    if (me?.coUnitId)
      items.push(
        item('party.coUnitMembers', '本单位派出在职党员', await coUnitMemberCount(db, me.coUnitId), '/party/co-unit', {
          unit: '人',
        }),
      );
  }
  if (can('wishes.claim') || can('wishes.publish')) {
    const w = await wishTodoCounts(db, actor.userId, community);
    if (can('wishes.claim')) {
      items.push(item('wishes.toClaim', '可认领的微心愿', w.toClaim, '/wishes', { unit: '个' }));
      items.push(
        item('wishes.myClaims', '我认领待完成', w.myClaims, '/wishes', {
          unit: '个',
          tone: w.myClaims ? 'warning' : 'normal',
        }),
      );
    }
    if (can('wishes.publish'))
      items.push(item('wishes.mine', '我发布的心愿（进行中）', w.myWishes, '/wishes', { unit: '个' }));
  }
  if (can('volunteers.join')) {
    const v = await volunteerTodoCounts(db, actor.userId, community);
    items.push(item('volunteers.open', '可报名的志愿活动', v.openActivities, '/volunteers', { unit: '场' }));
    items.push(item('volunteers.upcoming', '已报名待参加', v.upcomingSignups, '/volunteers', { unit: '场' }));
    items.push(item('volunteers.hours', '累计服务时长', v.hours, '/volunteers', { unit: '小时' }));
  }
  if (can('services.book') || can('services.handle')) {
    const b = await bookingTodoCounts(db, actor.userId, can('services.handle') ? actor.scopePath : null);
    if (can('services.book')) items.push(item('services.mine', '我的预约（办理中）', b.myBookings, '/services/mine'));
    if (can('services.handle'))
      items.push(
        item('services.toReceive', '待受理的服务预约', b.toReceive, '/services/inbox', {
          tone: b.toReceive ? 'warning' : 'normal',
        }),
      );
  }
  return items;
}
