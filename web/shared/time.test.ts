import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatTime, fromPicker, pickerNow, shanghaiToday, toPicker } from './time';

// The web unit tests run with TZ=UTC (vitest.web.config.ts); each case also runs in a zone far
// from Shanghai on the other side, so nothing can pass by accident of the machine's zone.
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe.each(ZONES)('Shanghai time in a browser set to %s', (zone) => {
  it('runs in the zone it claims', () => {
    process.env.TZ = zone;
    const offset = new Date('2026-01-15T00:00:00Z').getTimezoneOffset();
    expect(offset).toBe({ UTC: 0, 'America/Los_Angeles': 480, 'Asia/Shanghai': -480 }[zone]);
  });

  it('shows a deadline as Shanghai wall-clock time', () => {
    process.env.TZ = zone;
    // 2026-03-01 01:30 UTC is 09:30 in Shanghai; 17:00 UTC is already the next day there.
    expect(formatTime('2026-03-01T01:30:00Z')).toBe('2026-03-01 09:30');
    expect(formatTime('2026-03-01T17:00:00.000Z', 'MM-DD HH:mm')).toBe('03-02 01:00');
    expect(formatDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(formatTime(null)).toBe('—');
  });

  it('reads a picked date and time as Shanghai time, and shows a stored one as picked', () => {
    process.env.TZ = zone;
    const picked = toPicker('2026-03-01T01:30:00Z');
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2026-03-01 09:30');
    expect(fromPicker(picked)).toBe('2026-03-01T09:30:00+08:00');
    expect(new Date(fromPicker(picked)).toISOString()).toBe('2026-03-01T01:30:00.000Z');
  });

  it('takes today from the Shanghai calendar', () => {
    process.env.TZ = zone;
    const shanghaiNow = new Date(Date.now() + 8 * 3600_000).toISOString();
    expect(shanghaiToday()).toBe(shanghaiNow.slice(0, 10));
    expect(pickerNow().format('YYYY-MM-DD HH')).toBe(`${shanghaiNow.slice(0, 10)} ${shanghaiNow.slice(11, 13)}`);
  });
});
