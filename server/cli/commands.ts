import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/open.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { open311KeyCommand } from './open311-key.ts';

export interface CliCommand {
  usage: string;
  /** Returns the process exit code. */
  /** kind: which database the command was given (backups record it). */
  run(ctx: { config: Config; db: Db; kind?: 'embedded' | 'postgres' }, args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = {
  'open311-key': open311KeyCommand,
  'audit-verify': auditVerifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
