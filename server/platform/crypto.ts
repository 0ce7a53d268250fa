import crypto from 'node:crypto';

/**
 * Column protection for personal data (PIPL): values are encrypted with AES-256-GCM so that a
 * database dump alone does not reveal them, and a keyed HMAC allows exact-match lookup without
 * decrypting. Both keys are derived from GH_DATA_KEY with HKDF, one per purpose.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash for equality lookups (hex). */
  lookupHash(plain: string): string;
}

export function createFieldCipher(secret: string): FieldCipher {
  const derive = (purpose: string) => Buffer.from(crypto.hkdfSync('sha256', secret, 'gridhive', purpose, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('field-lookup-v1');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      // v1:<iv>:<tag>:<ciphertext>, base64url; the version prefix allows key rotation later.
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('无法识别的加密字段格式');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return crypto.createHmac('sha256', macKey).update(plain).digest('hex');
    },
  };
}
