import type { z } from 'zod';
import type {
  BranchFigures,
  CommitmentFigures,
  CommitmentRow,
  commitmentStateSchema,
} from '../../../contracts/party-commitments.ts';
import { apiGet, apiSend } from '../../shared/api';

// 承诺践诺: shapes from the server's zod contracts (types only).
export type { BranchFigures, CommitmentFigures, CommitmentRow };
export type CommitmentState = z.infer<typeof commitmentStateSchema>;
export const COMMITMENT_STATE_LABELS: Record<CommitmentState, string> = {
  published: '待评定',
  fulfilled: '已践诺',
  unfulfilled: '未践诺',
};
type PageInfo = { page: number; pageSize: number; total: number };

export const fetchCommitmentBranches = (year: number, page: number, signal?: AbortSignal) =>
  apiGet<{ data: BranchFigures[]; page: PageInfo; year: number }>(
    `/api/party/commitments/branches?year=${year}&page=${page}&pageSize=20`,
    { signal },
  );
export const fetchBranchCommitments = (
  branchId: number,
  year: number,
  state: CommitmentState | undefined,
  page: number,
  signal?: AbortSignal,
) =>
  apiGet<{
    data: CommitmentRow[];
    page: PageInfo;
    figures: CommitmentFigures;
    branch: { id: number; name: string };
    abilities: 'mark'[];
  }>(
    `/api/party/branches/${branchId}/commitments?year=${year}&page=${page}&pageSize=20${state ? `&state=${state}` : ''}`,
    { signal },
  );
export const markCommitment = (id: number, state: 'fulfilled' | 'unfulfilled', note?: string) =>
  apiSend('POST', `/api/party/commitments/${id}/mark`, { state, note });
