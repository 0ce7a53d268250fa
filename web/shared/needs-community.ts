import type { Me } from '../app/session/types';

/**
 * Whether a community-bound page must wait for the user to pick a community: street and district
 * accounts have none of their own (the server answers 404 without one), everyone else works in theirs.
 */
export const needsCommunityPick = (me: Me): boolean => me.scope?.level === 'street' || me.scope?.level === 'district';
