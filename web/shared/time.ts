import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/**
 * Every time the web app shows or takes is Asia/Shanghai wall-clock time, whatever zone the
 * browser runs in (a server-room screen set to UTC showed deadlines eight hours early). All
 * formatting goes through here; nothing else calls dayjs(), Date#toLocale* or Intl for times.
 */
export const ZONE = 'Asia/Shanghai';

export type Instant = string | number | Date | Dayjs;

/** A server instant (ISO string, epoch ms, Date) as Shanghai wall-clock time. */
export function inShanghai(t: Instant): Dayjs {
  return dayjs(t).tz(ZONE);
}

/** Formats an instant in Shanghai time; '—' for none. Patterns are dayjs's ('YYYY-MM-DD HH:mm'). */
export function formatTime(t: Instant | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  return t === null || t === undefined || t === '' ? '—' : inShanghai(t).format(pattern);
}

/** Date only (YYYY-MM-DD, Shanghai). */
export const formatDate = (t: Instant | null | undefined) => formatTime(t, 'YYYY-MM-DD');

/** Today's date in Shanghai (YYYY-MM-DD), the "today" of filters and defaults. */
export const shanghaiToday = () => inShanghai(Date.now()).format('YYYY-MM-DD');

/**
 * Date pickers. antd builds its values in the browser's zone, so a picker holds Shanghai
 * wall-clock fields in a browser-zone Dayjs: `toPicker` puts an instant's Shanghai fields in,
 * `fromPicker` reads the picked fields back as Shanghai time (ISO with +08:00). Picking
 * 2026-03-01 09:00 means 09:00 in Shanghai on every machine.
 */
export function toPicker(t: Instant): Dayjs {
  return dayjs(inShanghai(t).format('YYYY-MM-DDTHH:mm:ss.SSS'));
}

export function fromPicker(d: Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), ZONE).format();
}

/** "Now" for a picker (default values, disabled past dates): the Shanghai wall clock. */
export const pickerNow = () => toPicker(Date.now());

/** A calendar date or month ('2026-03-01', '2026-03') as a picker value: no instant, no zone involved. */
export const pickerDate = (date: string) => dayjs(date);
