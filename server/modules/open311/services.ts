// Open311 is a read-only facade over the cases module's own tables (case_categories, cases,
// case_events), agreed with the cases module's owner: reading them here avoids a second copy
// of every case. Every write still goes through the cases commands (reportCase).
import { aliasedTable, and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/tx.ts';
import { questionsByCategory, questionsOf, resolveLimits } from '../cases/index.ts';
import { caseCategories } from '../cases/schema.ts';

export interface Service {
  id: number;
  code: string;
  name: string;
  group: string;
  handleMinutes: number | null;
}

const parent = aliasedTable(caseCategories, 'parent');
const WORKDAY_MINUTES = 450;

/** Our leaf categories are the services; the parent category is their group. */
async function loadServices(db: Queryable, code?: string): Promise<Service[]> {
  const rows = await db
    .select({
      id: caseCategories.id,
      code: caseCategories.code,
      name: caseCategories.name,
      group: parent.name,
      own: caseCategories.handleMinutes,
      inherited: parent.handleMinutes,
    })
    .from(caseCategories)
    .innerJoin(parent, eq(parent.id, caseCategories.parentId))
    .where(
      and(
        isNotNull(caseCategories.parentId),
        eq(caseCategories.active, true),
        code ? eq(caseCategories.code, code) : undefined,
      ),
    )
    .orderBy(asc(caseCategories.code));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    group: r.group,
    handleMinutes: r.own ?? r.inherited,
  }));
}

export const listServices = (db: Queryable) => loadServices(db);
export async function findService(db: Queryable, code: string): Promise<Service | null> {
  return (await loadServices(db, code))[0] ?? null;
}

/** "处置时限 N 个工作日" from the category's handling limit (the global default when unset). */
export async function serviceNotice(db: Queryable, service: { handleMinutes: number | null }): Promise<string> {
  const minutes = service.handleMinutes ?? (await resolveLimits(db, null, 0, 0)).handleMinutes ?? WORKDAY_MINUTES;
  const days = minutes / WORKDAY_MINUTES;
  const span =
    days >= 1 && Number.isInteger(days) ? `${days} 个工作日` : `${Math.round((minutes / 60) * 10) / 10} 个工作小时`;
  return `社区受理立案后，责任单位须在 ${span}内处置完毕。`;
}

/** The GET /services entries: `metadata` flags the services whose category asks extra questions. */
export async function presentServices(db: Queryable, services: Service[]) {
  const asking = await questionsByCategory(
    db,
    services.map((s) => s.id),
  );
  return Promise.all(services.map((s) => presentService(db, s, (asking.get(s.id) ?? []).length > 0)));
}

async function presentService(db: Queryable, s: Service, metadata: boolean) {
  return {
    service_code: s.code,
    service_name: s.name,
    description: `${s.group} · ${s.name}。${await serviceNotice(db, s)}`,
    metadata,
    type: 'realtime',
    keywords: [s.group, s.name].join(','),
    group: s.group,
  };
}

/** The GET /services/{code} service definition. */
export async function presentDefinition(db: Queryable, s: Service) {
  return {
    service_code: s.code,
    attributes: (await questionsOf(db, s.id)).map((a) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      // The schema wants a string or nothing, never null.
      ...(a.datatypeDescription ? { datatype_description: a.datatypeDescription } : {}),
      order: a.order,
      description: a.description,
      values: (a.values ?? []).map((v) => ({ key: String(v.key), name: v.name })),
    })),
  };
}
