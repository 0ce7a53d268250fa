import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long the terminal may act for a resident after checking them: one visit at the screen. */
export const TOKEN_SECONDS = 300;

export interface KioskClaim {
  personId: number;
  /** The terminal account that checked the resident: a token never works on another terminal. */
  terminalUserId: number;
  expiresAt: number;
}

const sign = (key: string, body: string) =>
  createHmac('sha256', `${key}:kiosk-identity`).update(body).digest('base64url');

/**
 * Stateless proof of identification, so any instance accepts it: HMAC over person, terminal and
 * expiry with a key derived from the data key.
 */
export function issueToken(key: string, claim: KioskClaim): string {
  const body = `${claim.personId}.${claim.terminalUserId}.${claim.expiresAt}`;
  return `${body}.${sign(key, body)}`;
}

/** The claim of a valid, unexpired token issued to this terminal; null otherwise. */
export function readToken(key: string, token: string, terminalUserId: number, now = Date.now()): KioskClaim | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [person, terminal, expires, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(key, `${person}.${terminal}.${expires}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claim = { personId: Number(person), terminalUserId: Number(terminal), expiresAt: Number(expires) };
  if (claim.terminalUserId !== terminalUserId || claim.expiresAt < now) return null;
  return claim;
}
