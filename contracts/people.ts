import { z } from 'zod';
import { pageQuery } from './org.ts';
import { decimal, decimalNumber } from './query.ts';

/** Base data (实有人口、房屋、法人、城市部件): request schemas shared by server and web. */

export const RESIDENCE_TYPES = ['户籍', '流动', '境外'] as const;
export const HOUSE_USES = ['自住', '出租', '空置', '商用'] as const;
export const ENTITY_TYPES = ['企业', '个体工商户', '社会组织', '机关事业单位'] as const;
export const COMPONENT_STATES = ['完好', '破损', '丢失', '占用'] as const;
export const GENDERS = ['男', '女'] as const;
export const ID_KINDS = ['身份证', '护照'] as const;
export const IMPORT_KINDS = ['residents', 'houses', 'entities', 'components'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  residents: '实有人口',
  houses: '房屋',
  entities: '法人单位',
  components: '城市部件',
};

/** Age bands offered as list filters (years, inclusive lower bound, exclusive upper). */
export const AGE_BANDS = { '0-17': [0, 18], '18-59': [18, 60], '60-79': [60, 80], '80+': [80, 200] } as const;

const csvList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(z.string()).optional(),
);

export const residentListQuery = pageQuery.extend({
  gridId: decimal(decimalNumber().int().positive()).optional(),
  houseId: decimal(decimalNumber().int().positive()).optional(),
  /** Name, address fragment (≥ 2 characters), 4-character identity/phone suffix, or a whole identity number/phone. */
  q: z.string().trim().min(2).max(40).optional(),
  tags: csvList,
  ageBand: z.enum(Object.keys(AGE_BANDS) as [keyof typeof AGE_BANDS]).optional(),
  residenceType: z.enum(RESIDENCE_TYPES).optional(),
  houseUse: z.enum(HOUSE_USES).optional(),
});
export type ResidentListQuery = z.infer<typeof residentListQuery>;

export const exportQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const residentBody = z.object({
  name: z.string().trim().min(1).max(40),
  idKind: z.enum(ID_KINDS).default('身份证'),
  idNumber: z.string().trim().min(5).max(20),
  gender: z.enum(GENDERS).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().trim().optional(),
  houseId: z.number().int().positive(),
  householdNo: z.string().trim().max(30).optional(),
  relation: z.string().trim().max(20).optional(),
  residenceType: z.enum(RESIDENCE_TYPES),
  careTags: z.array(z.string()).default([]),
  movedInOn: isoDate.optional(),
});

export const moveBody = z.object({ houseId: z.number().int().positive(), movedOn: isoDate });
export const revealBody = z.object({ reason: z.string().trim().min(4, '请填写查看原因（至少4个字）').max(200) });

export const houseListQuery = pageQuery.extend({
  gridId: decimal(decimalNumber().int().positive()).optional(),
  use: z.enum(HOUSE_USES).optional(),
  q: z.string().trim().min(2).max(40).optional(),
});
export const houseBody = z.object({
  use: z.enum(HOUSE_USES),
  areaM2: z.number().positive().max(100000).nullable().optional(),
  ownerName: z.string().trim().max(60).nullable().optional(),
});
export const tenancyBody = z.object({
  residentId: z.number().int().positive(),
  startOn: isoDate,
  endOn: isoDate.optional(),
});

export const entityListQuery = pageQuery.extend({
  gridId: decimal(decimalNumber().int().positive()).optional(),
  type: z.enum(ENTITY_TYPES).optional(),
  q: z.string().trim().min(2).max(40).optional(),
});
export const componentListQuery = pageQuery.extend({
  gridId: decimal(decimalNumber().int().positive()).optional(),
  state: z.enum(COMPONENT_STATES).optional(),
  major: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
/** bbox = minLng,minLat,maxLng,maxLat (WGS84). */
export const bboxQuery = z.object({
  bbox: z.string().regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'bbox 格式应为 minLng,minLat,maxLng,maxLat'),
  limit: decimal(decimalNumber().int().min(1).max(5000)).default(2000),
});

/** Components near a map pin, for picking one when reporting a case (radius in metres). */
export const componentNearbyQuery = z.object({
  lng: decimal(decimalNumber().min(-180).max(180)),
  lat: decimal(decimalNumber().min(-90).max(90)),
  radius: decimal(decimalNumber().int().min(10).max(300)).default(150),
  limit: decimal(decimalNumber().int().min(1).max(30)).default(20),
});

export const importStartBody = z.object({
  /** Header in the file → field name; remembered for the next file of the same kind. */
  mapping: z.record(z.string(), z.string()),
});
export const revealLogQuery = pageQuery;

// ── Registers by hand (desk and phone forms): the same checks as the import, field by field. ──

export const entityBody = z.object({
  creditCode: z.string().trim().min(1, '请填写统一社会信用代码').max(18, '统一社会信用代码应为 18 位'),
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不能超过 100 字'),
  type: z.enum(ENTITY_TYPES, { message: '单位类型应为 企业、个体工商户、社会组织 或 机关事业单位' }),
  legalRep: z.string().trim().max(40).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  gridId: z.number({ message: '请选择所属网格' }).int('请选择所属网格').positive('请选择所属网格'),
  employees: z
    .number({ message: '从业人数应为非负整数' })
    .int('从业人数应为非负整数')
    .min(0, '从业人数应为非负整数')
    .max(10_000_000, '从业人数过大')
    .nullable()
    .optional(),
});
export type EntityBody = z.infer<typeof entityBody>;

export const componentBody = z.object({
  componentCode: z.string().trim().min(1, '请填写部件编码').max(20, '部件编码应为 16 位数字'),
  name: z.string().trim().max(40).nullable().optional(),
  lng: z
    .number({ message: '经度应为数字' })
    .min(-180, '经度应在 -180 到 180 之间')
    .max(180, '经度应在 -180 到 180 之间'),
  lat: z.number({ message: '纬度应为数字' }).min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
  state: z.enum(COMPONENT_STATES, { message: '部件状态应为 完好、破损、丢失 或 占用' }),
  ownerUnit: z.string().trim().max(60).nullable().optional(),
  maintainerUnit: z.string().trim().max(60).nullable().optional(),
});
export type ComponentBody = z.infer<typeof componentBody>;

/**
 * Editing a resident: the house changes only by a move. The identity number and phone are shown
 * masked, so leaving them out keeps what is stored; `clearPhone` removes the phone.
 */
export const residentEditBody = residentBody.omit({ houseId: true, idNumber: true, movedInOn: true }).extend({
  idNumber: z.string().trim().min(5).max(20).optional(),
  clearPhone: z.boolean().default(false),
});
export type ResidentEditBody = z.infer<typeof residentEditBody>;
export const moveOutBody = z.object({
  movedOutOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '迁出日期格式应为 YYYY-MM-DD'),
});

export const savedIdResponse = z.object({ data: z.object({ id: z.number().int() }) });
export const entityRowSchema = z.object({
  id: z.number().int(),
  creditCode: z.string(),
  name: z.string(),
  type: z.string(),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  gridId: z.number().int(),
  gridName: z.string().nullable(),
  employees: z.number().int().nullable(),
});
export const entityResponse = z.object({ data: entityRowSchema, abilities: z.array(z.string()) });
export const componentRowSchema = z.object({
  id: z.number().int(),
  componentCode: z.string(),
  name: z.string(),
  lng: z.number(),
  lat: z.number(),
  state: z.string(),
  ownerUnit: z.string().nullable(),
  maintainerUnit: z.string().nullable(),
  gridId: z.number().int(),
  gridName: z.string().nullable(),
});
export const componentResponse = z.object({ data: componentRowSchema, abilities: z.array(z.string()) });
