// The publish → claim → fulfil → confirm flow shared by micro-wishes (微心愿), micro-projects (微项目)
// and claimable service posts (居民点单、社区派单、党员接单), as one transition table.

export const WISH_STATES = [
  'pending_review',
  'open',
  'claimed',
  'fulfilled',
  'confirmed',
  'thanked',
  'rejected',
  'withdrawn',
] as const;
export type WishState = (typeof WISH_STATES)[number];

export const WISH_ACTIONS = [
  'approve',
  'reject',
  'withdraw',
  'claim',
  'dispatch',
  'release',
  'fulfil',
  'confirm',
  'return',
  'thank',
] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

/** Who may take the action, before scope: the community (manager), the claimant, or the requester. */
export type WishParty = 'manager' | 'claimer' | 'claimant' | 'requester';

export interface WishTransition {
  readonly from: readonly WishState[];
  readonly to: WishState;
  readonly by: readonly WishParty[];
  readonly requires: readonly ('reason' | 'photo')[];
}

export const WISH_TRANSITIONS = {
  approve: { from: ['pending_review'], to: 'open', by: ['manager'], requires: [] },
  reject: { from: ['pending_review'], to: 'rejected', by: ['manager'], requires: ['reason'] },
  withdraw: { from: ['pending_review', 'open'], to: 'withdrawn', by: ['requester', 'manager'], requires: [] },
  // 'claimer': anyone allowed to claim (member, volunteer, co-building unit), not yet the claimant.
  claim: { from: ['open'], to: 'claimed', by: ['claimer'], requires: [] },
  // 社区派单: the community gives it to a member, volunteer team or co-building unit (commands/dispatch-wish.ts).
  dispatch: { from: ['open'], to: 'claimed', by: ['manager'], requires: [] },
  // The deadline sweep releases expired claims too (system, no actor).
  release: { from: ['claimed'], to: 'open', by: ['claimant', 'manager'], requires: [] },
  fulfil: { from: ['claimed'], to: 'fulfilled', by: ['claimant'], requires: ['photo'] },
  confirm: { from: ['fulfilled'], to: 'confirmed', by: ['manager'], requires: [] },
  return: { from: ['fulfilled'], to: 'claimed', by: ['manager'], requires: ['reason'] },
  thank: { from: ['confirmed'], to: 'thanked', by: ['requester'], requires: [] },
} as const satisfies Record<WishAction, WishTransition>;

export const WISH_STATE_LABELS: Record<WishState, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已完成待确认',
  confirmed: '已确认',
  thanked: '已致谢',
  rejected: '未通过',
  withdrawn: '已撤回',
};
export const WISH_ACTION_LABELS: Record<WishAction, string> = {
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

/** States shown on the public board (without personal details). */
export const PUBLIC_STATES: readonly WishState[] = ['open', 'claimed', 'fulfilled', 'confirmed', 'thanked'];

export class WishTransitionError extends Error {
  constructor(
    readonly state: WishState,
    readonly action: WishAction,
  ) {
    super(`当前状态"${WISH_STATE_LABELS[state]}"不能执行"${WISH_ACTION_LABELS[action]}"`);
  }
}

export function wishAllows(state: WishState, action: WishAction): boolean {
  return (WISH_TRANSITIONS[action].from as readonly WishState[]).includes(state);
}

export function nextWishState(state: WishState, action: WishAction): WishState {
  if (!wishAllows(state, action)) throw new WishTransitionError(state, action);
  return WISH_TRANSITIONS[action].to;
}
