import type { Role } from '../../../contracts/roles.ts';

/** The signed-in user as every policy sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** Scope node id and its materialised path; null for accounts without a territorial scope. */
  scopeNodeId: number | null;
  scopePath: string | null;
  departmentId: number | null;
  /**
   * Set while the account may only finish a pending step: choose its own password, enrol a
   * second factor, or wait for real-name verification (self-registered residents). The auth
   * plugin refuses every route that does not declare `config.allowRestricted`.
   */
  restriction: ActorRestriction | null;
}

export type ActorRestriction = 'password_change' | 'totp_enrolment' | 'pending_verification';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook when a valid session cookie is present. */
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (login, Open311 with its own api keys). */
    public?: boolean;
    /** Reachable by a signed-in actor whose account is restricted (see Actor.restriction). */
    allowRestricted?: boolean;
    /**
     * The access decision this route makes, named '<module>.<decision>' after the policy.ts function (or
     * ability) that decides it; listed by server/route-census.test.ts so a route without one fails.
     */
    permission?: string;
  }
}
