import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/open.ts';

/** One `npm run cli -- <name>` command; its own file so commands.ts and each command do not import each other. */
export interface CliCommand {
  usage: string;
  /** Returns the process exit code. */
  run(ctx: { config: Config; db: Db }, args: string[]): Promise<number>;
}
