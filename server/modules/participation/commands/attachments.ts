import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import type { FileStore } from '../../../platform/files/index.ts';
import { invalid } from '../../../platform/errors.ts';
import { authorizeParticipation } from '../policy.ts';
import { consultationAttachments } from '../schema.ts';
import { loadConsultation } from './consultations.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Plans are shared as documents, spreadsheets, pictures or PDFs; nothing executable or scriptable. */
const ALLOWED = /\.(pdf|docx?|xlsx?|pptx?|png|jpe?g|webp|txt)$/i;

/**
 * Streams an uploaded file into the shared store first (any instance serves it later), then
 * records it on the consultation; a refused upload leaves only an orphan key the store can delete.
 */
export async function attachFile(
  db: Db,
  files: FileStore,
  actor: Actor,
  id: number,
  file: { filename: string; mimetype: string; stream: Readable },
) {
  const consultation = await loadConsultation(db, actor, id);
  authorizeParticipation(actor, 'manage', consultation);
  const name = file.filename.trim().slice(-120);
  if (!ALLOWED.test(name)) throw invalid('file', '仅支持 PDF、Word、Excel、PPT、图片或文本文件');
  const key = `participation/consultations/${id}/${crypto.randomUUID()}`;
  const info = await files.put(key, file.stream, { mime: file.mimetype, createdBy: actor.userId });
  return withTx(db, async (tx) => {
    const [row] = await tx
      .insert(consultationAttachments)
      .values({
        consultationId: id,
        name,
        storageKey: key,
        bytes: info.bytes,
        mime: info.mime,
        uploadedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'participation.consultation.attach',
      targetType: 'participation_consultation',
      targetId: id,
      scopePath: consultation.scopePath,
      summary: { name, bytes: info.bytes },
    });
    return row!;
  });
}

export async function attachmentRow(db: Db, attachmentId: number) {
  const [row] = await db.select().from(consultationAttachments).where(eq(consultationAttachments.id, attachmentId));
  return row;
}
