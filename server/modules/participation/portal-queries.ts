import { and, eq, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/tx.ts';
import { orgNodes } from '../org/schema.ts';
import { consultationAttachments, consultations, portalIntros } from './schema.ts';

/** The community a portal address names, with its street's name and the staff's introduction. */
export async function portalCommunity(q: Queryable, code: string) {
  const street = alias(orgNodes, 'street');
  const [row] = await q
    .select({
      id: orgNodes.id,
      code: orgNodes.code,
      name: orgNodes.name,
      path: orgNodes.path,
      level: orgNodes.level,
      retiredAt: orgNodes.retiredAt,
      streetName: street.name,
      intro: portalIntros.intro,
    })
    .from(orgNodes)
    .leftJoin(street, eq(street.id, orgNodes.parentId))
    .leftJoin(portalIntros, eq(portalIntros.communityId, orgNodes.id))
    .where(eq(orgNodes.code, code))
    .limit(1);
  return row;
}

/** An attachment the portal may hand out: of a consultation of this community that has already opened. */
export async function publicAttachment(q: Queryable, communityId: number, attachmentId: number) {
  const [row] = await q
    .select({
      name: consultationAttachments.name,
      storageKey: consultationAttachments.storageKey,
      mime: consultationAttachments.mime,
    })
    .from(consultationAttachments)
    .innerJoin(consultations, eq(consultations.id, consultationAttachments.consultationId))
    .where(
      and(
        eq(consultationAttachments.id, attachmentId),
        eq(consultations.communityId, communityId),
        lte(consultations.opensAt, new Date()),
      ),
    )
    .limit(1);
  return row;
}
