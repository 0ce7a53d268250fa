import { z } from 'zod';
import { nodeLevelSchema } from './accounts.ts';
import { decimal, decimalNumber } from './query.ts';

export const idParams = z.object({ id: decimal(decimalNumber().int().positive()) });
export const pageQuery = z.object({
  page: decimal(decimalNumber().int().min(1)).default(1),
  pageSize: decimal(decimalNumber().int().min(1).max(200)).default(50),
});
export const pageInfo = z.object({ page: z.number(), pageSize: z.number(), total: z.number() });

export const orgNodeSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  level: nodeLevelSchema,
  code: z.string(),
  name: z.string(),
  path: z.string(),
  households: z.number().nullable(),
  /** Set when the node was retired (kept for its code and history; hidden from lists and maps). */
  retiredAt: z.union([z.date(), z.string()]).nullable().optional(),
});

export const nodeDetailSchema = orgNodeSchema.extend({
  counts: z.object({
    streets: z.number(),
    communities: z.number(),
    grids: z.number(),
    estates: z.number(),
    buildings: z.number(),
    houses: z.number(),
  }),
  gridWorker: z.object({ id: z.number(), displayName: z.string() }).nullable(),
  branch: z.object({ id: z.number(), name: z.string() }).nullable(),
  ancestors: z.array(z.object({ id: z.number(), level: nodeLevelSchema, name: z.string() })),
  attrs: z.record(z.string(), z.unknown()),
  abilities: z.array(z.string()),
});

/** GeoJSON Polygon or MultiPolygon as accepted on input; the full check (closure, kinks, overlap) runs in the command. */
export const polygonInput = z.unknown();

export const createNodeBody = z.object({
  parentId: z.number().int().positive(),
  level: z.enum(['street', 'community', 'estate', 'building', 'house']),
  code: z.string().regex(/^\d+$/, '编码只能由数字组成'),
  name: z.string().trim().min(1).max(60),
  households: z.number().int().min(0).max(100000).optional(),
});

export const updateNodeBody = z
  .object({
    name: z.string().trim().min(1, '名称不能为空').max(60).optional(),
    households: z.number().int().min(0).max(100000).nullable().optional(),
  })
  .refine((b) => b.name !== undefined || b.households !== undefined, { message: '请填写要修改的内容', path: ['name'] });

export const moveNodeBody = z.object({ parentId: z.number().int().positive() });

export const createGridBody = z.object({
  name: z.string().trim().min(1).max(60),
  /** Optional: 15 digits starting with the community's 12-digit code; the next free number is used when absent. */
  code: z.string().optional(),
  households: z.number().int().min(0).max(5000).optional(),
  geometry: polygonInput,
});

export const updateGridGeometryBody = z.object({ geometry: polygonInput });

/** Query of POST /api/org/nodes/:id/boundaries/import (the file comes as multipart field "file"). */
export const boundaryImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** overlaps and gaps between neighbours below this are repaired instead of refused */
  toleranceM2: decimal(
    z.number({ message: '容差必须是数字' }).min(0, '容差不能为负').max(10_000, '容差最大为 10000 平方米'),
  ).default(500),
});

export const locateQuery = z.object({
  lng: decimal(decimalNumber().min(-180).max(180)),
  lat: decimal(decimalNumber().min(-90).max(90)),
});
