// Type-only imports: the server's zod contracts define the shapes, and no zod reaches the bundle.
import type { z } from 'zod';
import type {
  Account,
  accountPageSchema,
  grantableSchema,
  RosterResult,
  sessionSchema,
  totpSetupSchema,
  CreateAccountBody,
  UpdateAccountBody,
} from '../../../contracts/account-admin.ts';

export type { Account, RosterResult, CreateAccountBody, UpdateAccountBody };
export type AccountPage = z.infer<typeof accountPageSchema>;
export type Grantable = z.infer<typeof grantableSchema>['data'];
export type SessionInfo = z.infer<typeof sessionSchema>;
export type TotpSetup = z.infer<typeof totpSetupSchema>['data'];
export interface OrgChild {
  id: number;
  parentId: number | null;
  level: string;
  code: string;
  name: string;
}
