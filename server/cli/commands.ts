import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/open.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { open311KeyCommand } from './open311-key.ts';

export interface CliCommand {
  usage: string;
  /** Returns the process exit code. */
  run(ctx: { config: Config; db: Db }, args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = {
  'open311-key': open311KeyCommand,
  'audit-verify': auditVerifyCommand,
};
