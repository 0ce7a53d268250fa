import crypto from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a screen or a printed sheet and typed by hand.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password (≈70 bits) an administrator hands over; the owner must replace it at first sign-in. */
export function generateTemporaryPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}
