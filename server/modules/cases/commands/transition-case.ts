import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TransitionInput } from '../../../../contracts/cases.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/load.ts';
import { withTx, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { dueAtAfter } from '../deadline-steps.ts';
import {
  assertTransition,
  FIELD_LABELS_ZH,
  requiredFields,
  TransitionError,
  TRANSITIONS,
  type CaseAction,
} from '../lifecycle.ts';
import { resolveLimits } from '../limits.ts';
import { caseFacts, loadCaseInScope, type CaseRow } from '../load-case.ts';
import { notifyTransition } from '../notify.ts';
import { authorizeCase } from '../policy.ts';
import { caseEvents, casePhotos, cases } from '../schema.ts';
import { recordClassification, suggestionAtClassification } from '../suggest/outcomes.ts';
import type { CategoryCandidate } from '../suggest/suggest.ts';
import { EFFECTS } from './effects.ts';

const FIELD_VALUES: Record<string, (i: TransitionInput) => unknown> = {
  reason: (i) => i.reason,
  note: (i) => i.note,
  score: (i) => i.score,
  targetCaseId: (i) => i.targetCaseId,
  feedback: (i) => i.feedback,
  minutes: (i) => i.minutes,
};

/**
 * Takes one step of the closed loop, in one transaction: lock the case, check the version the
 * user saw (409 if someone else moved it), check the lifecycle and the policy, apply the
 * action's effects, set the next deadline, append the timeline event and notify.
 */
export async function transitionCase(
  deps: AppDeps,
  actor: Actor,
  caseId: number,
  action: CaseAction,
  input: TransitionInput,
): Promise<CaseRow> {
  // What the suggestion offers is looked up before the transaction: the model reads the database on its own connection.
  const classifies = action === 'accept' || (action === 'dispatch' && input.categoryId !== undefined);
  const suggested = classifies ? await suggestionAtClassification(deps.db, caseId) : null;
  return withTx(deps.db, (tx) =>
    transitionInTx(tx, actor, caseId, action, input, { reopenWindowDays: deps.config.reopenWindowDays, suggested }),
  );
}

/** The same step inside a caller's transaction (other modules: a meeting's resolution returns a case to its loop). */
export async function transitionInTx(
  t: Tx,
  actor: Actor,
  caseId: number,
  action: CaseAction,
  input: TransitionInput,
  options: { reopenWindowDays: number; suggested?: CategoryCandidate | null },
): Promise<CaseRow> {
  const row = await loadCaseInScope(t, actor, caseId, { forUpdate: true });
  if (row.version !== input.version)
    throw new AppError('CONFLICT', { message: `案件已被他人处理（当前状态已变化），请刷新后重试` });
  try {
    assertTransition(row.state, action);
  } catch (error) {
    if (error instanceof TransitionError) throw new AppError('CASE_INVALID_TRANSITION', { message: error.message });
    throw error;
  }
  authorizeCase(actor, action, await caseFacts(t, row));
  for (const field of requiredFields(action)) {
    if (FIELD_VALUES[field]!(input) === undefined)
      throw invalid(field, `${TRANSITIONS[action].to === 'rated' ? '请给出' : '必须填写'}${FIELD_LABELS_ZH[field]}`);
  }
  const now = new Date();
  const changes =
    (await EFFECTS[action]?.({ tx: t, actor, row, input, now, reopenWindowDays: options.reopenWindowDays })) ?? {};
  const to = TRANSITIONS[action].to;
  const limits = await resolveLimits(t, changes.categoryId ?? row.categoryId, row.communityId, row.streetId);
  const dueAt = dueAtAfter(
    action,
    to,
    { at: now, previousDueAt: row.dueAt, grantedMinutes: input.minutes },
    limits,
    await loadWorkingCalendar(t),
  );
  const newStep = dueAt?.getTime() !== row.dueAt?.getTime();
  await attachPhotos(t, actor, caseId, input.photoIds);
  const [updated] = await t
    .update(cases)
    .set({
      ...changes,
      state: to,
      version: row.version + 1,
      updatedAt: now,
      dueAt,
      ...(newStep ? { stepStartedAt: now, deadlineNotice: 'none' as const } : {}),
    })
    .where(and(eq(cases.id, caseId), eq(cases.version, input.version)))
    .returning();
  if (!updated) throw new AppError('CONFLICT');
  const reclassified = action !== 'accept' && changes.categoryId !== undefined && changes.categoryId !== row.categoryId;
  await t.insert(caseEvents).values({
    caseId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    fromState: row.state,
    toState: to,
    note: input.feedback ?? input.reason ?? input.note ?? input.comment ?? null,
    photoIds: input.photoIds,
    data: {
      ...(input.minutes ? { minutes: input.minutes } : {}),
      ...(input.score ? { score: input.score } : {}),
      ...(changes.departmentId ? { departmentId: changes.departmentId } : {}),
      ...(changes.dispatchLevel ? { level: changes.dispatchLevel } : {}),
      ...(reclassified ? { categoryId: changes.categoryId, previousCategoryId: row.categoryId } : {}),
    },
  });
  if (changes.categoryId && (action === 'accept' || reclassified)) {
    await recordClassification(t, {
      caseId,
      actor,
      action: action === 'accept' ? 'accept' : 'reclassify',
      categoryId: changes.categoryId,
      previousCategoryId: row.categoryId,
      suggested: options.suggested ?? null,
      scopePath: updated.scopePath,
    });
  }
  await notifyTransition(t, actor, row, updated, action);
  return updated;
}

async function attachPhotos(tx: Tx, actor: Actor, caseId: number, photoIds: number[]): Promise<void> {
  if (!photoIds.length) return;
  const rows = await tx
    .update(casePhotos)
    .set({ caseId })
    .where(and(inArray(casePhotos.id, photoIds), eq(casePhotos.uploadedBy, actor.userId), isNull(casePhotos.caseId)))
    .returning({ id: casePhotos.id });
  if (rows.length !== new Set(photoIds).size) throw invalid('photoIds', '照片不存在或已被使用');
}
