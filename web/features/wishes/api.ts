import { apiGet, apiSend } from '../../shared/api';

export interface Wish {
  id: number; kind: string; communityName: string | null; title: string; description: string; budget: number | null; beneficiaryCategory: string | null;
  state: string; claimantName: string | null; claimDueAt: string | null; version: number; abilities: string[];
}
export type WishView = 'board' | 'mine' | 'manage';

export const STATE_LABELS: Record<string, string> = {
  pending_review: '待审核', open: '待认领', claimed: '已认领', fulfilled: '已完成待确认', confirmed: '已确认', thanked: '已致谢', rejected: '未通过', withdrawn: '已撤回',
};
export const ACTION_LABELS: Record<string, string> = {
  approve: '审核通过', reject: '驳回', withdraw: '撤回', claim: '认领', release: '放弃认领', fulfil: '完成', confirm: '确认完成', return: '退回重做', thank: '致谢',
};

export const fetchWishes = (view: WishView, signal?: AbortSignal) => apiGet<{ data: Wish[] }>(`/api/wishes?view=${view}&pageSize=50`, { signal }).then((r) => r.data);
export const publishWish = (body: { title: string; description: string; budget?: number }) => apiSend('POST', '/api/wishes', body);
export const transitionWish = (w: Wish, action: string, extra: Record<string, string> = {}) => apiSend('POST', `/api/wishes/${w.id}/transitions`, { action, version: w.version, ...extra });
