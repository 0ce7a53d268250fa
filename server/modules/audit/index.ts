import type { ModuleManifest } from '../manifest.ts';
import { sealAuditChain } from '../../platform/audit-chain/index.ts';
import { auditRoutes } from './routes.ts';

export const AUDIT_SEAL_JOB = 'audit.seal';

/** Tamper-evident audit log: the periodic sealer and the chain check (see platform/audit-chain). */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: auditRoutes as ModuleManifest['routes'],
  jobs: () => ({ [AUDIT_SEAL_JOB]: async ({ db, reportProgress }) => { await reportProgress({ sealed: (await sealAuditChain(db)) ?? 0 }); } }),
  periodic: [{ kind: AUDIT_SEAL_JOB, everySeconds: 60 }],
};
