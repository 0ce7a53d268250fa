/** Cookie names shared by the auth hook (platform) and the accounts module that issues sessions. */
export const SESSION_COOKIE = 'gh_session';
export const CSRF_COOKIE = 'gh_csrf';
