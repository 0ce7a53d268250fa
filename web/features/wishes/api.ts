import type { z } from 'zod';
import type {
  AssigneeOption,
  DispatchOptions,
  Wish,
  dispatchWishBody,
  publishWishBody,
  wishListQuery,
} from '../../../contracts/wishes.ts';
import { apiGet, apiSend } from '../../shared/api';

// Shapes from the server's zod contracts (types only: no zod in the bundle).
export type { AssigneeOption, DispatchOptions, Wish };
export type WishView = NonNullable<z.input<typeof wishListQuery>['view']>;
export type WishKind = Wish['kind'];

export const KIND_LABELS: Record<WishKind, string> = { wish: '微心愿', project: '微项目', service_post: '服务岗' };
export const ASSIGNEE_LABELS: Record<keyof DispatchOptions, string> = {
  member: '党员',
  team: '志愿服务队',
  co_unit: '共建单位',
};
export const STATE_LABELS: Record<string, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  confirmed: '已确认',
  thanked: '已致谢',
  rejected: '未通过',
  withdrawn: '已撤回',
};
export const ACTION_LABELS: Record<string, string> = {
  approve: '审核通过',
  reject: '驳回',
  withdraw: '撤回',
  claim: '认领',
  dispatch: '派单',
  release: '放弃认领',
  fulfil: '完成',
  confirm: '确认完成',
  return: '退回重做',
  thank: '致谢',
};

export const fetchWishes = (view: WishView, kind: WishKind | undefined, signal?: AbortSignal) =>
  apiGet<{ data: Wish[] }>(`/api/wishes?view=${view}&pageSize=50${kind ? `&kind=${kind}` : ''}`, { signal }).then(
    (r) => r.data,
  );
export const publishWish = (body: z.input<typeof publishWishBody>) => apiSend('POST', '/api/wishes', body);
export const transitionWish = (w: Wish, action: string, extra: Record<string, string> = {}) =>
  apiSend('POST', `/api/wishes/${w.id}/transitions`, { action, version: w.version, ...extra });
export const fetchDispatchOptions = (id: number, signal?: AbortSignal) =>
  apiGet<{ data: DispatchOptions }>(`/api/wishes/${id}/dispatch-options`, { signal }).then((r) => r.data);
export const dispatchWish = (w: Wish, body: Omit<z.input<typeof dispatchWishBody>, 'version'>) =>
  apiSend<{ data: Wish }>('POST', `/api/wishes/${w.id}/dispatch`, { ...body, version: w.version }).then((r) => r.data);
