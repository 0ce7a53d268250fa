import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/open.ts';

/** One `npm run cli -- <name>` command; its own file so commands.ts and each command do not import each other. */
export interface CliCommand {
  usage: string;
  /** Returns the process exit code. kind: which database the command was given (backups record it). */
  run(ctx: { config: Config; db: Db; kind?: 'embedded' | 'postgres' }, args: string[]): Promise<number>;
}
