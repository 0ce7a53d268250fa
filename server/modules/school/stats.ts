import type { BranchStudy } from '../../../contracts/school.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import type { SchoolBranchesPort } from './ports.ts';
import { enrolmentsOf } from './queries.ts';

/**
 * Study figures per party branch under a node: members, members who started, completed every
 * lesson, sat the exam, passed (a course without exam counts as passed when completed), and the
 * pass rate over those who were examined. Across all courses a member counts once per figure.
 */
export async function branchStudyStats(
  db: Queryable,
  branches: SchoolBranchesPort,
  scopePath: string,
  courseId?: number,
): Promise<BranchStudy[]> {
  const roster = await branches.branchRoster(db, scopePath);
  const userIds = [...new Set(roster.flatMap((r) => (r.userId === null ? [] : [r.userId])))];
  const byUser = new Map<
    number,
    { completed: boolean; examined: boolean; passed: boolean; seconds: number; started: boolean }
  >();
  for (const e of await enrolmentsOf(db, userIds, courseId)) {
    const u = byUser.get(e.userId) ?? { started: true, completed: false, examined: false, passed: false, seconds: 0 };
    u.completed ||= e.completedAt !== null;
    u.passed ||= e.passedAt !== null;
    u.examined ||= e.attempts > 0 || e.passedAt !== null;
    u.seconds += e.seconds;
    byUser.set(e.userId, u);
  }
  const out = new Map<number, BranchStudy>();
  for (const r of roster) {
    const b =
      out.get(r.branchId) ??
      out
        .set(r.branchId, {
          branchId: r.branchId,
          branchName: r.branchName,
          members: 0,
          started: 0,
          completed: 0,
          examined: 0,
          passed: 0,
          passRate: null,
          minutes: 0,
        })
        .get(r.branchId)!;
    if (r.memberId === null) continue;
    b.members++;
    const u = r.userId === null ? undefined : byUser.get(r.userId);
    if (!u) continue;
    b.started++;
    if (u.completed) b.completed++;
    if (u.examined) b.examined++;
    if (u.passed) b.passed++;
    b.minutes += Math.round(u.seconds / 60);
  }
  for (const b of out.values()) b.passRate = b.examined ? Math.round((b.passed * 1000) / b.examined) / 10 : null;
  return [...out.values()];
}
