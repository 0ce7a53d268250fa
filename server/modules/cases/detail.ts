import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { loadWorkingCalendar } from '../../platform/calendar/load.ts';
import { createFieldCipher } from '../../platform/crypto.ts';
import { maskPhone } from '../../platform/masking.ts';
import { departments } from '../org/schema.ts';
import { deadlineColour } from './deadline-steps.ts';
import { STATE_LABELS_ZH } from './lifecycle.ts';
import { caseFacts, loadCaseInScope } from './load-case.ts';
import { canRevealReporterContact, caseAbilities } from './policy.ts';
import { caseCategories } from './schema.ts';
import { casePhotoIds, caseTimeline, namesFor } from './queries.ts';
import { presentAnswers, questionsOf } from './questions.ts';

/** Everything the case page shows, with the actions this actor may take now. */
export async function caseDetail(deps: AppDeps, actor: Actor, id: number) {
  const { db } = deps;
  const row = await loadCaseInScope(db, actor, id);
  const facts = await caseFacts(db, row);
  const [timeline, photoIds, names, calendar] = await Promise.all([
    caseTimeline(db, row.id),
    casePhotoIds(db, row.id),
    namesFor(db, [row.gridId, row.communityId, row.streetId]),
    loadWorkingCalendar(db),
  ]);
  const [category] = row.categoryId
    ? await db
        .select({ id: caseCategories.id, name: caseCategories.name, code: caseCategories.code })
        .from(caseCategories)
        .where(eq(caseCategories.id, row.categoryId))
    : [];
  const [department] = row.departmentId
    ? await db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(eq(departments.id, row.departmentId))
    : [];
  const phone = row.reporterPhoneEnc ? createFieldCipher(deps.config.dataKey).decrypt(row.reporterPhoneEnc) : null;
  return {
    id: row.id,
    caseNo: row.caseNo,
    title: row.title,
    description: row.description,
    source: row.source,
    state: row.state,
    stateLabel: STATE_LABELS_ZH[row.state],
    version: row.version,
    category: category ?? null,
    department: department ?? null,
    dispatchLevel: row.dispatchLevel,
    location: { lng: row.lng, lat: row.lat, address: row.address, componentId: row.componentId },
    grid: row.gridId ? { id: row.gridId, name: names.get(row.gridId) ?? '' } : null,
    community: { id: row.communityId, name: names.get(row.communityId) ?? '' },
    street: { id: row.streetId, name: names.get(row.streetId) ?? '' },
    // Masked for everyone (PIPL); those handling the case reveal it through POST …/reveal-contact, audited.
    reporter: {
      name: row.reporterName,
      phone: maskPhone(phone),
      canReveal: phone !== null && canRevealReporterContact(actor, facts),
    },
    reportedAt: row.reportedAt,
    dueAt: row.dueAt,
    deadline: deadlineColour(new Date(), row.dueAt, 0.2, row.stepStartedAt ?? undefined, calendar),
    escalationLevel: row.escalationLevel,
    stateReason: row.stateReason,
    mergedIntoId: row.mergedIntoId,
    answers: row.categoryId ? presentAnswers(await questionsOf(db, row.categoryId), row.answers) : [],
    score: row.score,
    ratingComment: row.ratingComment,
    photoIds,
    timeline,
    abilities: caseAbilities(actor, facts),
  };
}
