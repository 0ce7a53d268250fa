import { eq } from 'drizzle-orm';
import type { OutsideChannel, PreferencesBody } from '../../../../contracts/notify.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { NotifySettings } from '../../../platform/config.ts';
import type { Db } from '../../../platform/db/open.ts';
import { withTx } from '../../../platform/db/tx.ts';
import { invalid } from '../../../platform/errors.ts';
import { notifyChoices, notifySettings } from '../schema.ts';

/** Channels this server can send on: the others are shown as 未配置 and cannot be chosen. */
export function availableChannels(settings: NotifySettings): OutsideChannel[] {
  return [...(settings.smtp ? (['email'] as const) : []), ...(settings.sms ? (['sms'] as const) : [])];
}

export async function loadPreferences(db: Db, actor: Actor, settings: NotifySettings) {
  const [s] = await db.select().from(notifySettings).where(eq(notifySettings.userId, actor.userId));
  const choices = await db
    .select({ topic: notifyChoices.topic, channel: notifyChoices.channel })
    .from(notifyChoices)
    .where(eq(notifyChoices.userId, actor.userId));
  return {
    email: s?.email ?? null,
    phone: s?.phone ?? null,
    quietEnabled: s?.quietEnabled ?? false,
    quietStart: s?.quietStart ?? '22:00',
    quietEnd: s?.quietEnd ?? '07:00',
    choices: choices as PreferencesBody['choices'],
    available: availableChannels(settings),
  };
}

export async function savePreferences(db: Db, actor: Actor, settings: NotifySettings, body: PreferencesBody) {
  const available = availableChannels(settings);
  for (const [i, c] of body.choices.entries()) {
    if (!available.includes(c.channel)) throw invalid(`choices.${i}.channel`, '该渠道未配置，不能选择');
    if (c.channel === 'email' && !body.email) throw invalid('email', '选择电子邮件通知须填写电子邮件地址');
    if (c.channel === 'sms' && !body.phone) throw invalid('phone', '选择短信通知须填写手机号');
  }
  if (body.quietEnabled && body.quietStart === body.quietEnd) throw invalid('quietEnd', '免打扰开始与结束时间不能相同');
  const row = {
    email: body.email,
    phone: body.phone,
    quietEnabled: body.quietEnabled,
    quietStart: body.quietStart,
    quietEnd: body.quietEnd,
    updatedAt: new Date(),
  };
  await withTx(db, async (tx) => {
    await tx
      .insert(notifySettings)
      .values({ userId: actor.userId, ...row })
      .onConflictDoUpdate({ target: notifySettings.userId, set: row });
    await tx.delete(notifyChoices).where(eq(notifyChoices.userId, actor.userId));
    const unique = [...new Map(body.choices.map((c) => [`${c.topic}:${c.channel}`, c])).values()];
    if (unique.length) await tx.insert(notifyChoices).values(unique.map((c) => ({ userId: actor.userId, ...c })));
  });
  return loadPreferences(db, actor, settings);
}
