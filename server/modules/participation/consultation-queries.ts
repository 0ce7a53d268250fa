import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { communityNames, phaseOf } from './load.ts';
import { participationScopeWhere } from './policy.ts';
import { consultationAttachments, consultationComments, consultations, type ConsultationRow } from './schema.ts';

/** Rows as the API shows them: phase, community name, attachments and the count of visible comments. */
export async function consultationViews(q: Queryable, rows: ConsultationRow[]) {
  const ids = rows.map((r) => r.id);
  const [names, files, counts] = await Promise.all([
    communityNames(
      q,
      rows.map((r) => r.communityId),
    ),
    ids.length
      ? q
          .select()
          .from(consultationAttachments)
          .where(inArray(consultationAttachments.consultationId, ids))
          .orderBy(asc(consultationAttachments.id))
      : [],
    ids.length
      ? q
          .select({ id: consultationComments.consultationId, n: count() })
          .from(consultationComments)
          .where(and(inArray(consultationComments.consultationId, ids), isNull(consultationComments.hiddenAt)))
          .groupBy(consultationComments.consultationId)
      : [],
  ]);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? '',
    title: r.title,
    body: r.body,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    phase: phaseOf(r),
    responseSummary: r.responseSummary,
    respondedAt: r.respondedAt,
    attachments: files
      .filter((f) => f.consultationId === r.id)
      .map((f) => ({ id: f.id, name: f.name, bytes: f.bytes, mime: f.mime })),
    comments: Number(counts.find((c) => c.id === r.id)?.n ?? 0),
  }));
}

export async function listConsultations(q: Queryable, actor: Actor, communityId?: number) {
  const rows = await q
    .select()
    .from(consultations)
    .where(
      and(
        participationScopeWhere(actor, consultations.scopePath),
        communityId ? eq(consultations.communityId, communityId) : undefined,
      ),
    )
    .orderBy(desc(consultations.opensAt), desc(consultations.id))
    .limit(200);
  return consultationViews(q, rows);
}

/** Hidden comments stay visible to staff (with the reason) and to their author; others never see them. */
export async function commentsOf(q: Queryable, actor: Actor, consultationId: number, manager: boolean) {
  const rows = await q
    .select()
    .from(consultationComments)
    .where(
      and(
        eq(consultationComments.consultationId, consultationId),
        manager
          ? undefined
          : or(isNull(consultationComments.hiddenAt), eq(consultationComments.authorUserId, actor.userId)),
      ),
    )
    .orderBy(desc(consultationComments.createdAt), desc(consultationComments.id))
    .limit(500);
  return rows.map(commentView(actor));
}

export const commentView = (actor: Actor) => (c: typeof consultationComments.$inferSelect) => ({
  id: c.id,
  authorName: c.authorName,
  mine: c.authorUserId === actor.userId,
  body: c.body,
  createdAt: c.createdAt,
  hidden: c.hiddenAt !== null,
  hiddenReason: c.hiddenReason,
});

/** The portal's consultations: those already open (open or closed), newest first; bodies and answers only. */
export async function publicConsultations(q: Queryable, communityId: number) {
  const rows = await q
    .select()
    .from(consultations)
    .where(and(eq(consultations.communityId, communityId), sql`${consultations.opensAt} <= now()`))
    .orderBy(desc(consultations.opensAt))
    .limit(20);
  const views = await consultationViews(q, rows);
  return views.map((v) => ({
    id: v.id,
    title: v.title,
    body: v.body,
    opensAt: v.opensAt,
    closesAt: v.closesAt,
    phase: v.phase,
    responseSummary: v.responseSummary,
    attachments: v.attachments.map((a) => ({ id: a.id, name: a.name })),
  }));
}
