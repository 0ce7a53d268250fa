import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportCaseBody } from '../../../../contracts/cases.ts';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { loadWorkingCalendar } from '../../../platform/calendar/load.ts';
import { createFieldCipher } from '../../../platform/crypto.ts';
import { withTx, type Queryable, type Tx } from '../../../platform/db/tx.ts';
import { AppError, invalid } from '../../../platform/errors.ts';
import { actorCovers } from '../../../platform/scope.ts';
import { hasAbility } from '../../accounts/abilities.ts';
import { dueAtFor } from '../deadline-steps.ts';
import { validateAnswers, type Question } from '../questions.ts';
import { insertReportStatement, recordReport, reserveCase } from './report-statements.ts';
import { notifyArea } from '../notify.ts';
import type { CaseRow } from '../load-case.ts';
import { casePhotos, cases, type CaseSource } from '../schema.ts';
import { levelsOfPath, nodePath, truncatePath } from '../tree.ts';

type ReportInput = z.infer<typeof reportCaseBody>;

const STAFF_SOURCES: CaseSource[] = ['patrol', 'window', 'visit', 'hotline', 'open311'];
/** The sources each role may report under; the first is the default. */
const SOURCES_BY_ROLE: Partial<Record<Actor['role'], CaseSource[]>> = {
  resident: ['resident'],
  party_member: ['resident'],
  volunteer: ['volunteer'],
  building_leader: ['building_leader'],
  grid_worker: ['patrol', 'visit'],
  community_staff: STAFF_SOURCES,
  community_secretary: STAFF_SOURCES,
  street_admin: STAFF_SOURCES,
  district_admin: STAFF_SOURCES,
};
/** Sources entered for someone else: the reporter is not the account that types it in. */
const ON_BEHALF: CaseSource[] = ['window', 'visit', 'hotline', 'open311', 'device', 'joint_patrol', 'kiosk'];
/** Of those, the ones where staff must write down who raised it. */
const NAME_REQUIRED: CaseSource[] = ['window', 'visit', 'hotline'];

/** Whether the actor may register a case under `source` (residents report for themselves, staff on behalf). */
export function mayReportAs(actor: Actor, source: CaseSource): boolean {
  return hasAbility(actor.role, 'cases.report') && (SOURCES_BY_ROLE[actor.role] ?? []).includes(source);
}

export function assertMayReport(actor: Actor): void {
  if (!hasAbility(actor.role, 'cases.report')) throw new AppError('FORBIDDEN', { message: '您无权上报案件' });
}

/** The field cipher for a data key, made once (deriving its keys costs two HKDF runs). */
const ciphers = new Map<string, ReturnType<typeof createFieldCipher>>();
export function fieldCipher(dataKey: string) {
  let cipher = ciphers.get(dataKey);
  if (!cipher) ciphers.set(dataKey, (cipher = createFieldCipher(dataKey)));
  return cipher;
}

/**
 * The intake community of a case known by its address alone: the one chosen (staff only within
 * their scope), else the actor's own community; an error message when there is none.
 */
export async function intakeCommunity(
  db: Queryable,
  actor: Actor,
  communityId: number | undefined,
): Promise<{ path: string } | { error: string }> {
  if (communityId) {
    const chosen = await nodePath(db, communityId);
    if (!chosen || chosen.split('/').filter(Boolean).length !== 3) return { error: '受理社区不存在' };
    // Staff register only into communities they serve; residents may report about any community.
    if (hasAbility(actor.role, 'cases.dispatch') && !actorCovers(actor, chosen))
      return { error: '受理社区不在您的管辖范围内' };
    return { path: chosen };
  }
  if (!actor.scopePath || actor.scopePath.split('/').filter(Boolean).length < 3)
    return { error: '仅填写地址时须指定受理社区' };
  return { path: truncatePath(actor.scopePath, 3) };
}

/** Where the case lies: the grid under a map pin, or the intake community for an address alone. */
async function placeCase(
  deps: AppDeps,
  db: Queryable,
  actor: Actor,
  input: ReportInput,
): Promise<{ scopePath: string; gridId: number | null; communityId: number; streetId: number }> {
  if (input.lng !== undefined && input.lat !== undefined) {
    const grid = await deps.gridLookup.locate(input.lng, input.lat);
    if (!grid) throw invalid('lng', '该位置不在任何网格内，请重新选点或只填写地址');
    const { streetId, communityId } = levelsOfPath(grid.path);
    return { scopePath: grid.path, gridId: grid.id, communityId: communityId!, streetId: streetId! };
  }
  const intake = await intakeCommunity(db, actor, input.communityId);
  if ('error' in intake) throw invalid('communityId', intake.error);
  const { streetId, communityId } = levelsOfPath(intake.path);
  return { scopePath: intake.path, gridId: null, communityId: communityId!, streetId: streetId! };
}

/** The answers to the category's questions, typed; every wrong one named at once (422). */
function checkAnswers(questions: Question[], posted: Record<string, unknown>, requireAnswers: boolean) {
  const { values, errors } = validateAnswers(
    requireAnswers ? questions : questions.map((q) => ({ ...q, required: false })),
    posted,
  );
  if (errors.length)
    throw new AppError('VALIDATION_FAILED', {
      message: errors.map((e) => e.message).join('；'),
      details: errors.map((e) => ({ path: `answers.${e.code}`, message: e.message })),
    });
  return values;
}

/**
 * Files a new case in state `reported`. `afterInsert` runs inside the same transaction, so a
 * caller that keeps its own record of the report (Open311) commits with the case or not at all.
 * Imported work orders (`importedFrom`) and reports staff enter on someone's behalf come from
 * people who were never asked the category's questions: answers are checked when present but
 * none is required. `systemSource` is for callers inside the server that file on a system
 * account's behalf (device alarms, joint patrols' findings), or whose own policy decided the actor may
 * file under it (a household contact's visit, the self-service kiosk): the only source such a case may have.
 */
export async function reportCase(
  deps: AppDeps,
  actor: Actor,
  input: ReportInput,
  options: {
    externalRef?: string;
    importedFrom?: 'hotline';
    systemSource?: 'device' | 'joint_patrol' | 'visit' | 'kiosk';
    /** Who uploaded the photos, when not the actor (a patrol member's finding filed in the organiser's name). */
    photosUploadedBy?: number;
    afterInsert?: (tx: Tx, row: CaseRow) => Promise<void>;
    /** The caller's open transaction (a visit log filed with its cases): the case commits with it or not at all. */
    tx?: Tx;
  } = {},
) {
  assertMayReport(actor);
  const allowed = options.systemSource ? [options.systemSource] : (SOURCES_BY_ROLE[actor.role] ?? []);
  const source = input.source ?? allowed[0]!;
  if (!allowed.includes(source))
    throw invalid('source', ON_BEHALF.includes(source) ? '只有社区工作人员可以代为登记' : '上报来源与您的身份不符');
  if (NAME_REQUIRED.includes(source) && !input.reporterName)
    throw invalid('reporterName', '代为登记时须填写反映人姓名');
  // Inside the caller's transaction every read goes through it (PGlite serialises connections).
  const place = await placeCase(deps, options.tx ?? deps.db, actor, input);
  const now = new Date();
  // The id, the category's facts and whether anyone listens for new cases here, in one read
  // (nextval is never rolled back anyway, so it needs no transaction of its own). Without photos
  // to claim, a caller's own writes or a listener to notify, the case is then written by ONE
  // statement with its timeline, audit and live rows (insertReportStatement): two statements and
  // no explicit transaction. Inside a caller's transaction (a visit log filed with its cases)
  // everything goes through it.
  const { id, caseNo, category, limits, listened } = await reserveCase(
    options.tx ?? deps.db,
    now,
    input.categoryId ?? null,
    place,
  );
  const oneStatement = !input.photoIds.length && !options.afterInsert && !options.tx && !listened;
  const run = <T>(work: (tx: Tx) => Promise<T>): Promise<T> =>
    options.tx ? work(options.tx) : oneStatement ? work(deps.db as unknown as Tx) : withTx(deps.db, work);
  return run(async (tx) => {
    if (input.categoryId && !category) throw invalid('categoryId', '案件类别不存在');
    // Staff registering what a caller or visitor said (window, visit, hotline) record what they were
    // told: answers are checked when given, never demanded, like imported work orders.
    const answers = category
      ? checkAnswers(category.questions, input.answers, !options.importedFrom && !ON_BEHALF.includes(source))
      : {};
    if (input.photoIds.length) {
      const photos = await tx
        .select({ id: casePhotos.id })
        .from(casePhotos)
        .where(
          and(
            inArray(casePhotos.id, input.photoIds),
            eq(casePhotos.uploadedBy, options.photosUploadedBy ?? actor.userId),
            isNull(casePhotos.caseId),
          ),
        );
      if (photos.length !== new Set(input.photoIds).size) throw invalid('photoIds', '照片不存在或已被使用');
    }
    const dueAt = dueAtFor('reported', now, limits, await loadWorkingCalendar(tx));
    const cipher = fieldCipher(deps.config.dataKey);
    const onBehalf = ON_BEHALF.includes(source);
    const values = {
      id,
      caseNo,
      title: input.title,
      description: input.description,
      source,
      state: 'reported',
      categoryId: input.categoryId ?? null,
      reporterUserId: onBehalf ? null : actor.userId,
      enteredByUserId: actor.userId,
      reporterName: onBehalf ? (input.reporterName ?? null) : actor.displayName,
      reporterPhoneEnc: input.reporterPhone ? cipher.encrypt(input.reporterPhone) : null,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      address: input.address ?? null,
      componentId: input.componentId ?? null,
      externalRef: options.externalRef ?? null,
      clientRef: input.clientRef ?? null,
      answers,
      ...place,
      dueAt,
      stepStartedAt: now,
      reportedAt: now,
    } satisfies typeof cases.$inferInsert;
    const report = { id, caseNo, title: input.title, source, scopePath: place.scopePath, at: now };
    if (oneStatement) return insertReportStatement(tx, actor, values, report);
    const [row] = await tx.insert(cases).values(values).returning();
    if (input.photoIds.length)
      await tx.update(casePhotos).set({ caseId: id }).where(inArray(casePhotos.id, input.photoIds));
    await recordReport(tx, actor, {
      id,
      caseNo,
      title: input.title,
      source,
      scopePath: place.scopePath,
      photoIds: input.photoIds,
      at: now,
    });
    await notifyArea(tx, actor, row!, 'new');
    await options.afterInsert?.(tx, row!);
    return row!;
  });
}
