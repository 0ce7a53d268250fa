import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { SESSION_COOKIE } from './cookies.ts';

/** Reads a session cookie's token into its actor (accounts/sessions.ts); passed in so platform imports no module. */
export type SessionLoader = (token: string) => Promise<{ actor: Actor; csrf: string } | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes reachable without a session, or authenticated by their own means (Open311 api keys). */
const CSRF_EXEMPT = [/^\/api\/auth\/login$/, /^\/open311\//];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Attaches `request.actor` from the session cookie and enforces double-submit CSRF
 * protection on every mutation made with a session.
 */
export function registerAuth(app: FastifyInstance, loadSession: SessionLoader): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSession(token);
      request.actor = session?.actor ?? null;
      request.sessionCsrf = session?.csrf ?? null;
    }
    // Every /api route needs a session unless it declares `config: { public: true }`; checked
    // before body validation so an anonymous caller learns nothing about the route.
    const isPublic = request.routeOptions.config?.public === true;
    if (!request.actor && request.url.startsWith('/api/') && !request.url.startsWith('/api/docs') && !isPublic) {
      throw new AppError('AUTH_REQUIRED');
    }
    if (
      request.actor?.restriction &&
      !isPublic &&
      request.routeOptions.config?.allowRestricted !== true &&
      request.url.startsWith('/api/')
    ) {
      throw new AppError('ACCOUNT_RESTRICTED', {
        details: [{ path: 'restriction', message: request.actor.restriction }],
      });
    }
    if (SAFE_METHODS.has(request.method) || CSRF_EXEMPT.some((re) => re.test(request.url))) return;
    if (!request.actor) return;
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !request.sessionCsrf || !sameToken(header, request.sessionCsrf)) {
      throw new AppError('CSRF_FAILED');
    }
  });
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED');
  return request.actor;
}
