import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { kioskBookingBody, KioskReceipt, kioskReportBody } from '../../../contracts/kiosk.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import type { Queryable } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import { reportCase } from '../cases/index.ts';
import { orgNodes } from '../org/schema.ts';
import { bookingSummary, createBooking, stationsOf } from '../services/index.ts';

interface Person {
  id: number;
  name: string;
  scopePath: string;
}

/** The community a path lies in (its third id), or null above community level. */
export async function communityOf(db: Queryable, path: string) {
  const id = Number(path.split('/').filter(Boolean)[2]);
  if (!Number.isFinite(id) || id <= 0) return null;
  const [c] = await db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(and(eq(orgNodes.id, id), eq(orgNodes.level, 'community')));
  return c ?? null;
}

/** A station of the resident's own community (404 otherwise). */
export async function loadStationForKiosk(db: Queryable, stationId: number, residentPath: string) {
  const community = await communityOf(db, residentPath);
  const station = community ? (await stationsOf(db, community.id)).find((s) => s.id === stationId) : undefined;
  if (!station) throw new AppError('NOT_FOUND');
  return station;
}

const shanghai = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

/** 王*英: first and last character kept (a two-character name keeps the first). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** Books a slot for the identified resident through the services module; answers with the receipt. */
export async function bookAtKiosk(
  db: Db,
  actor: Actor,
  person: Person,
  input: z.infer<typeof kioskBookingBody>,
): Promise<KioskReceipt> {
  const booking = await createBooking(
    db,
    actor,
    { mode: 'visit', serviceItemId: input.serviceItemId, slotId: input.slotId, note: '易办事自助终端预约' },
    { userId: null, personId: person.id, name: person.name, path: person.scopePath },
  );
  const s = (await bookingSummary(db, booking.id))!;
  return {
    kind: 'booking',
    number: `YY${String(booking.id).padStart(8, '0')}`,
    title: '预约办事回执',
    lines: [
      { label: '办理人', value: maskName(person.name) },
      { label: '服务事项', value: s.item },
      { label: '办理地点', value: `${s.station ?? ''} ${s.address ?? ''}`.trim() },
      { label: '预约时间', value: s.startsAt ? `${shanghai(s.startsAt)} 至 ${shanghai(s.endsAt!).slice(-5)}` : '' },
      { label: '所需材料', value: s.materials.join('、') || '无' },
    ],
    issuedAt: new Date().toISOString(),
  };
}

/** 反映问题: a case with source 自助终端 in the resident's community (or the terminal's). */
export async function reportAtKiosk(
  deps: AppDeps,
  actor: Actor,
  person: Person | null,
  input: z.infer<typeof kioskReportBody>,
): Promise<KioskReceipt> {
  const community = await communityOf(deps.db, person?.scopePath ?? actor.scopePath!);
  if (!community)
    throw new AppError('VALIDATION_FAILED', {
      message: '请先核验身份',
      details: [{ path: 'token', message: '请先核验身份' }],
    });
  const row = await reportCase(
    deps,
    actor,
    {
      title: input.title,
      description: input.description,
      source: 'kiosk',
      address: input.address,
      communityId: community.id,
      reporterName: person?.name ?? input.reporterName,
      reporterPhone: input.reporterPhone,
      photoIds: [],
      answers: {},
    },
    { systemSource: 'kiosk' },
  );
  return {
    kind: 'case',
    number: row.caseNo,
    title: '问题反映回执',
    lines: [
      { label: '反映人', value: person ? maskName(person.name) : (input.reporterName ?? '匿名') },
      { label: '问题', value: input.title },
      { label: '地点', value: input.address },
      { label: '受理社区', value: community.name },
      { label: '说明', value: '凭案件编号可在热线或社区查询办理进度' },
    ],
    issuedAt: new Date().toISOString(),
  };
}
