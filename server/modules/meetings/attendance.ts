import type { Attendance } from './schema.ts';

export interface AttendanceTally {
  expected: number;
  signedIn: number;
  excused: number;
  absent: number;
  rate: number | null;
}

/**
 * Attendance rate = signed in ÷ expected, where expected counts every invitee whose attendance
 * was recorded (signed in, excused or absent). Excused (请假) is not attendance; unrecorded
 * invitees (meeting not yet held) do not count either way.
 */
export function tallyAttendance(marks: readonly Attendance[]): AttendanceTally {
  const signedIn = marks.filter((m) => m === 'signed_in').length;
  const excused = marks.filter((m) => m === 'excused').length;
  const absent = marks.filter((m) => m === 'absent').length;
  const expected = signedIn + excused + absent;
  return {
    expected,
    signedIn,
    excused,
    absent,
    rate: expected ? Math.round((signedIn / expected) * 1000) / 1000 : null,
  };
}
