import type { ModuleManifest } from '../manifest.ts';
import { MAX_ROWS_PER_RUN, sealAuditChain } from '../../platform/audit-chain/index.ts';
import { auditRoutes } from './routes.ts';

export const AUDIT_SEAL_JOB = 'audit.seal';

/** Tamper-evident audit log: the periodic sealer and the chain check (see platform/audit-chain). */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: auditRoutes as ModuleManifest['routes'],
  // Bounded work per run: a backlog larger than MAX_ROWS_PER_RUN is finished by the next runs.
  jobs: () => ({
    [AUDIT_SEAL_JOB]: async ({ db, reportProgress }) => {
      await reportProgress({ sealed: (await sealAuditChain(db, { maxRows: MAX_ROWS_PER_RUN })) ?? 0 });
    },
  }),
  periodic: [{ kind: AUDIT_SEAL_JOB, everySeconds: 60 }],
};
