import { z } from 'zod';
import { sentDateTime } from './datetime.ts';
import { componentRowSchema, entityRowSchema } from './people.ts';

/** Base data responses (what the server sends; fields not listed here are dropped by the serializer). */

/** Totals are counted up to a cap; `totalCapped` says the list holds more. */
export const cappedPageInfo = z.object({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  totalCapped: z.boolean(),
});
const cappedPage = <T extends z.ZodType>(row: T) => z.object({ data: z.array(row), page: cappedPageInfo });

/** A resident as every list, detail and default export shows them: identity number and phone masked. */
export const maskedResidentSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  idKind: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  houseId: z.number(),
  address: z.string(),
  householdNo: z.string().nullable(),
  relation: z.string().nullable(),
  residenceType: z.string(),
  careTags: z.array(z.string()),
  movedInOn: z.string().nullable(),
  movedOutOn: z.string().nullable(),
});
export type Resident = z.infer<typeof maskedResidentSchema>;
export const residentPageResponse = cappedPage(maskedResidentSchema);

export const residentDetailSchema = maskedResidentSchema.extend({
  history: z.array(
    z.object({
      houseId: z.number(),
      address: z.string().nullable(),
      fromOn: z.string().nullable(),
      toOn: z.string().nullable(),
    }),
  ),
});
export type ResidentDetail = z.infer<typeof residentDetailSchema>;
export const residentDetailResponse = z.object({ data: residentDetailSchema, abilities: z.array(z.string()) });

/** The resident saved (null when the row was left as it was). */
export const savedResidentResponse = z.object({ data: z.object({ id: z.number().nullable() }) });

export const revealedResidentResponse = z.object({
  data: z.object({ id: z.number(), idNumber: z.string(), phone: z.string().nullable() }),
});

export const houseRowSchema = z.object({
  id: z.number(),
  address: z.string(),
  use: z.string(),
  areaM2: z.number().nullable(),
  ownerName: z.string().nullable(),
  occupants: z.number(),
});
export type House = z.infer<typeof houseRowSchema>;
export const housePageResponse = cappedPage(houseRowSchema);

export const houseAddressPartsSchema = z.object({
  community: z.string(),
  grid: z.string(),
  estate: z.string(),
  building: z.string(),
  unit: z.string().nullable(),
  floor: z.string().nullable(),
  room: z.string(),
});
export type HouseParts = z.infer<typeof houseAddressPartsSchema>;

export const houseDetailSchema = z.object({
  id: z.number(),
  code: z.string(),
  address: z.string(),
  /** The house node as the org tree holds it. */
  ref: z.object({ id: z.number(), code: z.string(), path: z.string(), address: z.string(), gridId: z.number() }),
  parts: houseAddressPartsSchema.nullable(),
  facts: z.object({ use: z.string(), areaM2: z.number().nullable(), ownerName: z.string().nullable() }).nullable(),
  occupants: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      relation: z.string().nullable(),
      residenceType: z.string(),
      movedInOn: z.string().nullable(),
      careTags: z.array(z.string()),
    }),
  ),
  tenancies: z.array(
    z.object({
      id: z.number(),
      residentId: z.number(),
      name: z.string(),
      startOn: z.string(),
      endOn: z.string().nullable(),
      registeredAt: sentDateTime(),
    }),
  ),
  history: z.array(
    z.object({ residentId: z.number(), name: z.string(), fromOn: z.string().nullable(), toOn: z.string().nullable() }),
  ),
});
export type HouseDetail = z.input<typeof houseDetailSchema>;
export const houseDetailResponse = z.object({ data: houseDetailSchema, abilities: z.array(z.string()) });

export const tenancyResponse = z.object({
  data: z.object({
    id: z.number(),
    houseNodeId: z.number(),
    residentId: z.number(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    registeredBy: z.number().nullable(),
    registeredAt: sentDateTime(),
  }),
});

export const entityListRowSchema = entityRowSchema.omit({ gridName: true });
export type Entity = z.infer<typeof entityListRowSchema>;
export const entityPageResponse = cappedPage(entityListRowSchema);

export const componentListRowSchema = componentRowSchema
  .omit({ gridName: true })
  .extend({ major: z.string(), minor: z.string() });
export type Component = z.infer<typeof componentListRowSchema>;
export const componentPageResponse = cappedPage(componentListRowSchema);

export const componentGeojsonResponse = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }),
      properties: componentListRowSchema.omit({ lng: true, lat: true }),
    }),
  ),
});

/** A city component near a map pin (case reporting): public facts only. */
export const nearbyComponentSchema = z.object({
  id: z.number(),
  componentCode: z.string(),
  major: z.string(),
  minor: z.string(),
  name: z.string(),
  state: z.string(),
  lng: z.number(),
  lat: z.number(),
  metres: z.number(),
});
export type NearbyComponent = z.infer<typeof nearbyComponentSchema>;
export const nearbyComponentsResponse = z.object({ data: z.array(nearbyComponentSchema) });

export const careTagsResponse = z.object({ data: z.array(z.string()) });

export const revealLogEntrySchema = z.object({
  id: z.number(),
  at: sentDateTime(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  actor: z.string().nullable(),
  actorRole: z.string().nullable(),
});
export type RevealLogEntry = z.input<typeof revealLogEntrySchema>;
export const revealLogResponse = z.object({
  data: z.array(revealLogEntrySchema),
  page: z.object({ page: z.number(), pageSize: z.number(), total: z.number() }),
});

const IMPORT_STATES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export const importInfoSchema = z.object({
  id: z.number(),
  kind: z.string(),
  fileName: z.string(),
  format: z.string(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).nullable(),
  state: z.enum(IMPORT_STATES),
  checkpointRow: z.number(),
  okRows: z.number(),
  errorRows: z.number(),
  jobId: z.number().nullable(),
  createdBy: z.number(),
  scopePath: z.string(),
  createdAt: sentDateTime(),
  finishedAt: sentDateTime().nullable(),
  fields: z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean() })),
  /** The job's progress as the worker last wrote it ({ fraction, checkpointRow, … }). */
  progress: z.looseObject({ fraction: z.number().optional(), checkpointRow: z.number().optional() }).nullable(),
  lastError: z.string().nullable(),
});
export type ImportInfo = z.input<typeof importInfoSchema>;
export const importResponse = z.object({ data: importInfoSchema });
export const importListResponse = z.object({ data: z.array(importInfoSchema) });
