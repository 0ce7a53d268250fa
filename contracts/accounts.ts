import { z } from 'zod';
import { roleSchema } from './roles.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The one-time code, once the account has TOTP enabled (AUTH_TOTP_REQUIRED asks for it). */
  code: z.string().trim().max(10).optional(),
});

export const nodeLevelSchema = z.enum(['district', 'street', 'community', 'grid', 'estate', 'building', 'house']);

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  scope: z
    .object({ nodeId: z.number(), level: nodeLevelSchema, code: z.string(), name: z.string(), path: z.string() })
    .nullable(),
  departmentId: z.number().nullable(),
  /** A pending step the account must finish first (see server Actor.restriction); no abilities until then. */
  restriction: z.enum(['password_change', 'totp_enrolment', 'pending_verification']).nullable(),
  abilities: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;
