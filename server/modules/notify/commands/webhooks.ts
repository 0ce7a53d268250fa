import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { webhookBody } from '../../../../contracts/notify.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import type { FieldCipher } from '../../../platform/crypto.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorizeManage, webhookScopeWhere } from '../policy.ts';
import { notifyWebhooks } from '../schema.ts';

type WebhookInput = z.infer<typeof webhookBody>;

const publicColumns = {
  id: notifyWebhooks.id,
  name: notifyWebhooks.name,
  url: notifyWebhooks.url,
  kinds: notifyWebhooks.kinds,
  active: notifyWebhooks.active,
  createdAt: notifyWebhooks.createdAt,
};

export async function listWebhooks(db: Db, actor: Actor) {
  authorizeManage(actor);
  return db.select(publicColumns).from(notifyWebhooks).where(webhookScopeWhere(actor)).orderBy(desc(notifyWebhooks.id));
}

/** Registers a subscriber for the actor's area; the generated secret is returned this once. */
export async function createWebhook(db: Db, actor: Actor, cipher: FieldCipher, input: WebhookInput) {
  authorizeManage(actor);
  const secret = randomBytes(24).toString('base64url');
  return withTx(db, async (tx) => {
    const [row] = await tx
      .insert(notifyWebhooks)
      .values({
        name: input.name,
        url: input.url,
        kinds: input.kinds,
        active: input.active,
        secretEnc: cipher.encrypt(secret),
        scopePath: actor.scopePath!,
        createdBy: actor.userId,
      })
      .returning(publicColumns);
    await recordAudit(tx, actor, {
      action: 'notify.webhook.create',
      targetType: 'notify_webhook',
      targetId: row!.id,
      scopePath: actor.scopePath,
      summary: { name: input.name, url: input.url, kinds: input.kinds },
    });
    return { ...row!, secret };
  });
}

export async function updateWebhook(db: Db, actor: Actor, id: number, input: WebhookInput) {
  authorizeManage(actor);
  return withTx(db, async (tx) => {
    const [row] = await tx
      .update(notifyWebhooks)
      .set({ name: input.name, url: input.url, kinds: input.kinds, active: input.active })
      .where(and(eq(notifyWebhooks.id, id), webhookScopeWhere(actor)))
      .returning(publicColumns);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'notify.webhook.update',
      targetType: 'notify_webhook',
      targetId: id,
      scopePath: actor.scopePath,
      summary: { name: input.name, url: input.url, kinds: input.kinds, active: input.active },
    });
    return row;
  });
}

export async function deleteWebhook(db: Db, actor: Actor, id: number): Promise<void> {
  authorizeManage(actor);
  await withTx(db, async (tx) => {
    const removed = await tx
      .delete(notifyWebhooks)
      .where(and(eq(notifyWebhooks.id, id), webhookScopeWhere(actor)))
      .returning({ id: notifyWebhooks.id, name: notifyWebhooks.name });
    if (!removed.length) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'notify.webhook.delete',
      targetType: 'notify_webhook',
      targetId: id,
      scopePath: actor.scopePath,
      summary: { name: removed[0]!.name },
    });
  });
}
