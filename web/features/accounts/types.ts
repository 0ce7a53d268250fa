// Type-only imports: the server's zod contracts define the shapes, and no zod reaches the bundle.
import type { z } from 'zod';
import type {
  Account,
  accountPageSchema,
  grantableSchema,
  RosterResult,
  sessionSchema,
  securitySettingsSchema,
  totpSetupSchema,
  totpStatusSchema,
  CreateAccountBody,
  UpdateAccountBody,
} from '../../../contracts/account-admin.ts';
import type { orgNodeSchema } from '../../../contracts/org.ts';

export type { Account, RosterResult, CreateAccountBody, UpdateAccountBody };
export type AccountPage = z.infer<typeof accountPageSchema>;
export type Grantable = z.infer<typeof grantableSchema>['data'];
export type SessionInfo = z.infer<typeof sessionSchema>;
export type TotpSetup = z.infer<typeof totpSetupSchema>['data'];
/** A child node in the scope picker (GET /api/org/nodes/:id/children). */
export type OrgChild = Pick<z.infer<typeof orgNodeSchema>, 'id' | 'parentId' | 'level' | 'code' | 'name'>;
export type TotpStatus = z.infer<typeof totpStatusSchema>['data'];
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;
