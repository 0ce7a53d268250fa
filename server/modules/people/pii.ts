import { createFieldCipher } from '../../platform/crypto.ts';

/**
 * Column protection for identity numbers and phones (PIPL): a database dump alone must not
 * reveal them. Two keys are derived from `config.dataKey` (GH_DATA_KEY) with HKDF, so the
 * encryption key and the lookup-hash key are independent.
 *
 * - `seal`/`open`: AES-256-GCM with a random 96-bit IV per value (platform/crypto.ts); the tag
 *   also detects a tampered column.
 * - `lookupHash`: HMAC-SHA256 of the normalised value, for exact search and the upsert key.
 *   A plain SHA-256 of an 18-digit identity number would be reversed by enumeration in minutes.
 * - Suffix search uses the last 4 characters kept in clear (`tail`). Trade-off: those 4
 *   characters are exactly what every masked list already shows (110105********002X,
 *   138****5678), so the dump gains nothing new; a keyed hash of the tail would hide it from
 *   a dump but a suffix has only ~10^4 values, so it protects little against anyone holding the
 *   key, while the clear tail serves a plain B-tree index. Longer suffixes (last 6) would expose
 *   more than the mask does, so they are not offered.
 */
export interface PiiCodec {
  seal(plain: string): string;
  open(sealed: string): string;
  lookupHash(kind: 'id' | 'phone', value: string): string;
}

export function createPiiCodec(dataKey: string): PiiCodec {
  // The cipher itself is the platform's (AES-256-GCM + HMAC-SHA256, keys derived with HKDF).
  const cipher = createFieldCipher(dataKey);
  return {
    seal: (plain) => cipher.encrypt(plain),
    open: (sealed) => cipher.decrypt(sealed),
    lookupHash: (kind, value) => cipher.lookupHash(`${kind}:${value.trim().toUpperCase()}`),
  };
}

/** The clear suffix kept for suffix search (see above). */
export function tail(value: string): string {
  return value.slice(-4).toUpperCase();
}
