import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Each module owns its tables and its migrations (drizzle-kit output in
 * `server/modules/<name>/migrations`, tracked in its own `drizzle.__migrations_<name>` table), so
 * modules evolve their schemas independently and in parallel. The foundation (platform, accounts,
 * org) comes first; module sets may rely on it but never on another module's tables, so their
 * order among themselves does not matter (alphabetical, for determinism).
 */
const modulesDir = fileURLToPath(new URL('../modules', import.meta.url));

export const MIGRATION_SETS: { name: string; folder: string; table: string }[] = [
  {
    name: 'foundation',
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
    table: '__drizzle_migrations',
  },
  ...fs
    .readdirSync(modulesDir)
    .sort()
    .filter((name) => fs.existsSync(`${modulesDir}/${name}/migrations/meta/_journal.json`))
    .map((name) => ({ name, folder: `${modulesDir}/${name}/migrations`, table: `__migrations_${name}` })),
];
