import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Phase } from '../../../contracts/participation.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNodes } from '../org/schema.ts';

/** A live community node, or 404 (a 422 would tell an outsider which ids exist). */
export async function loadCommunity(q: Queryable, id: number) {
  const [row] = await q
    .select({ id: orgNodes.id, path: orgNodes.path, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), eq(orgNodes.level, 'community'), isNull(orgNodes.retiredAt)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', { message: '社区不存在或不在您的管辖范围内' });
  return row;
}

export async function communityNames(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await q
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(inArray(orgNodes.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where an item stands at `now`: an early close (vote rounds) ends it like its close time. */
export function phaseOf(item: { opensAt: Date; closesAt: Date; closedAt?: Date | null }, now = new Date()): Phase {
  if (item.closedAt || now.getTime() >= item.closesAt.getTime()) return 'closed';
  return now.getTime() < item.opensAt.getTime() ? 'upcoming' : 'open';
}

/** Refuses taking part outside the open window (409: the state, not the input, is wrong). */
export function assertOpen(item: { opensAt: Date; closesAt: Date; closedAt?: Date | null }, what: string): void {
  const phase = phaseOf(item);
  if (phase === 'upcoming') throw new AppError('CONFLICT', { message: `${what}尚未开始` });
  if (phase === 'closed') throw new AppError('CONFLICT', { message: `${what}已结束` });
}
