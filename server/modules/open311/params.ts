import { badRequest, parseW3cDate } from './format.ts';

const DAY = 86_400_000;
export const MAX_SPAN_DAYS = 90;
export const DEFAULT_LIMIT = 1000;

type Query = Record<string, string | string[] | undefined>;

/** A query value; repeated parameters and comma lists read the same ("declared multiple times, comma delimited"). */
export function listParam(q: Query, name: string): string[] | undefined {
  const raw = q[name];
  const items = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function one(q: Query, name: string): string | undefined {
  return listParam(q, name)?.join(',');
}

/**
 * start_date/end_date: W3C date-times spanning at most 90 days; a missing end is 90 days after
 * the start (but not in the future), a missing start 90 days before the end; neither is the
 * most recent 90 days. Problems are pushed to `errors`.
 */
export function dateWindow(q: Query, errors: string[], now = new Date()): { from: Date; to: Date } {
  const startRaw = one(q, 'start_date');
  const endRaw = one(q, 'end_date');
  const start = startRaw ? parseW3cDate(startRaw) : undefined;
  const end = endRaw ? parseW3cDate(endRaw) : undefined;
  if (start === null) errors.push('start_date 应为 W3C 格式并含时区，如 2010-01-01T00:00:00Z');
  if (end === null) errors.push('end_date 应为 W3C 格式并含时区，如 2010-01-01T00:00:00Z');
  const to = end ?? (start ? new Date(Math.min(start.getTime() + MAX_SPAN_DAYS * DAY, now.getTime())) : now);
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY);
  if (start && end) {
    if (end < start) errors.push('end_date 不能早于 start_date');
    else if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY)
      errors.push(`start_date 与 end_date 的跨度不能超过 ${MAX_SPAN_DAYS} 天`);
  }
  return { from, to };
}

/** page / page_size (the common pagination extension); page_size defaults to the spec's 1,000. */
export function paging(q: Query, errors: string[]): { limit: number; offset: number } {
  const page = Number(one(q, 'page') ?? 1);
  const size = Number(one(q, 'page_size') ?? DEFAULT_LIMIT);
  if (!Number.isInteger(page) || page < 1) errors.push('page 应为正整数');
  if (!Number.isInteger(size) || size < 1 || size > DEFAULT_LIMIT)
    errors.push(`page_size 应为 1 到 ${DEFAULT_LIMIT} 之间的整数`);
  return errors.length ? { limit: DEFAULT_LIMIT, offset: 0 } : { limit: size, offset: (page - 1) * size };
}

/** The GET /requests filter, every problem collected into one 400. */
export function requestFilter(q: Query) {
  const errors: string[] = [];
  const page = paging(q, errors);
  const idList = listParam(q, 'service_request_id');
  if (idList) {
    const bad = idList.filter((v) => !/^\d{1,15}$/.test(v));
    if (bad.length) errors.push(`service_request_id 无效：${bad.join('、')}`);
    if (errors.length) throw badRequest(...errors);
    return { ids: idList.map(Number), ...page };
  }
  const statuses = listParam(q, 'status');
  const wrong = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
  if (wrong.length) errors.push(`status 只能是 open 或 closed，收到：${wrong.join('、')}`);
  const window = dateWindow(q, errors);
  if (errors.length) throw badRequest(...errors);
  return {
    codes: listParam(q, 'service_code'),
    statuses: statuses as ('open' | 'closed')[] | undefined,
    ...window,
    ...page,
  };
}

export function updatesFilter(q: Query) {
  const errors: string[] = [];
  const page = paging(q, errors);
  const window = dateWindow(q, errors);
  if (errors.length) throw badRequest(...errors);
  return { ...window, ...page };
}
