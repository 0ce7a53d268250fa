import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes the foundation's next migration; `GH_MODULE=cases npm run db:generate`
// writes one for a module (its schema.ts → its migrations/). The server applies them at start-up
// (drizzle-kit migrate cannot load PGlite extensions). See server/db/migration-sets.ts.
const moduleName = process.env.GH_MODULE;

export default defineConfig({
  dialect: 'postgresql',
  schema: moduleName ? `./server/modules/${moduleName}/schema.ts` : './server/db/schema.ts',
  out: moduleName ? `./server/modules/${moduleName}/migrations` : './server/db/migrations',
});
