import { apiGet } from '../../shared/api';
import type { ChainReportDto } from '../../../contracts/audit.ts';

export type { ChainReportDto };

/** Seals what is committed and checks the whole chain on the server (takes a moment on a long log). */
export const fetchChainReport = (signal?: AbortSignal) =>
  apiGet<{ data: ChainReportDto }>('/api/audit/chain', { signal }).then((r) => r.data);
