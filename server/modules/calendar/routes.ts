import type { FastifyInstance } from 'fastify';
import { asc, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { officialListResponse, overrideListResponse, overrideSetResponse } from '../../../contracts/calendar.ts';
import type { Db } from '../../platform/db/open.ts';
import { requireActor } from '../../platform/auth/plugin.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCanManageCalendar } from './policy.ts';
import { officialSpecialDays, OFFICIAL_SCHEDULE_LAST_YEAR } from '../../platform/calendar/day-kind.ts';
import { forgetWorkingCalendar } from '../../platform/calendar/load.ts';
import { calendarOverrides } from '../../platform/calendar/schema.ts';
import { decimal, decimalNumber } from '../../../contracts/query.ts';

const dateParams = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') });

/**
 * The administrators' corrections to the official calendar: when the State Council publishes
 * next year's holidays and make-up workdays, they are entered here and every deadline computed
 * afterwards follows them (no new release needed).
 */
export function registerCalendarRoutes(app: FastifyInstance, db: Db): void {
  const guard = (request: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(request);
    assertCanManageCalendar(actor);
    return actor;
  };
  app.get(
    '/api/calendar/overrides',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        summary: '工作日历调整（节假日/调休上班日）',
        querystring: z.object({
          year: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
        }),
        response: { 200: overrideListResponse },
      },
    },
    async (request) => {
      requireActor(request);
      const { year } = request.query as { year?: string };
      return {
        data: await db
          .select()
          .from(calendarOverrides)
          .where(year ? like(calendarOverrides.date, `${year}-%`) : undefined)
          .orderBy(asc(calendarOverrides.date)),
      };
    },
  );
  app.get(
    '/api/calendar/official',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags: ['calendar'],
        summary: '国务院公布的节假日与调休上班日（内置数据）',
        querystring: z.object({ year: decimal(decimalNumber().int().min(2004).max(2100)) }),
        response: { 200: officialListResponse },
      },
    },
    async (request) => {
      requireActor(request);
      const { year } = request.query as { year: number };
      return { data: officialSpecialDays(year), lastOfficialYear: OFFICIAL_SCHEDULE_LAST_YEAR };
    },
  );
  app.put(
    '/api/calendar/overrides/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '设定某日为节假日或调休上班日',
        params: dateParams,
        body: z.object({ kind: z.enum(['workday', 'holiday']), note: z.string().trim().max(100).optional() }),
        response: { 200: overrideSetResponse },
      },
    },
    async (request) => {
      const actor = guard(request);
      const { date } = request.params as { date: string };
      const body = request.body as { kind: 'workday' | 'holiday'; note?: string };
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'date', message: '日期不存在' }] });
      await db.transaction(async (tx) => {
        await tx
          .insert(calendarOverrides)
          .values({ date, kind: body.kind, note: body.note ?? null, updatedBy: actor.userId })
          .onConflictDoUpdate({
            target: calendarOverrides.date,
            set: { kind: body.kind, note: body.note ?? null, updatedBy: actor.userId, updatedAt: sql`now()` },
          });
        await recordAudit(tx, actor, {
          action: 'calendar.override',
          targetType: 'calendar_day',
          targetId: date,
          summary: body,
        });
      });
      forgetWorkingCalendar();
      return { data: { date, ...body } };
    },
  );
  app.delete(
    '/api/calendar/overrides/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags: ['calendar'], summary: '取消某日的调整', params: dateParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = guard(request);
      const { date } = request.params as { date: string };
      await db.transaction(async (tx) => {
        await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date));
        await recordAudit(tx, actor, {
          action: 'calendar.override.remove',
          targetType: 'calendar_day',
          targetId: date,
        });
      });
      forgetWorkingCalendar();
      return reply.status(204).send();
    },
  );
}
