import type { CliCommand } from './command.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { open311KeyCommand } from './open311-key.ts';

export type { CliCommand } from './command.ts';

export const COMMANDS: Record<string, CliCommand> = {
  'open311-key': open311KeyCommand,
  'audit-verify': auditVerifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
