import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { createFieldCipher, type FieldCipher } from '../../platform/crypto.ts';

const ISSUER = '蜂巢网格化治理';

let cached: { key: string; cipher: FieldCipher } | null = null;
/** The secret is sealed with the data key (AES-256-GCM): a database dump alone cannot mint codes. */
function cipherFor(dataKey: string): FieldCipher {
  if (cached?.key !== dataKey) cached = { key: dataKey, cipher: createFieldCipher(dataKey) };
  return cached.cipher;
}

function totpOf(secretBase32: string, username: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** A fresh secret for enrolment: the sealed form to store, and what the authenticator app needs. */
export async function newTotpSecret(dataKey: string, username: string) {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const otpauthUrl = totpOf(secret, username).toString();
  return {
    sealed: cipherFor(dataKey).encrypt(secret),
    secret,
    otpauthUrl,
    qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }),
  };
}

/** Whether `code` is valid now for the sealed secret (±1 period of clock drift). */
export function checkTotp(dataKey: string, sealed: string, username: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const secret = cipherFor(dataKey).decrypt(sealed);
  return totpOf(secret, username).validate({ token: code, window: 1 }) !== null;
}
