// Command line for scripted set-ups: `npm run cli -- <command> …`. Commands open the database
// named by DATABASE_URL, or the embedded one in DATA_DIR: opened here, or — while a server holds it —
// reached through that server's database socket (DATA_DIR/db-socket.json).
import { readConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/open.ts';
import { COMMANDS } from './cli/commands.ts';

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.error(
    `用法：npm run cli -- <命令>\n${Object.entries(COMMANDS)
      .map(([n, c]) => `  ${n} ${c.usage}`)
      .join('\n')}`,
  );
  process.exit(2);
}
const config = readConfig();
const database = await openDatabase({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  poolSize: 2,
  shareRunning: true,
});
try {
  process.exitCode = await command.run({ config, db: database.db, kind: database.kind }, args);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
