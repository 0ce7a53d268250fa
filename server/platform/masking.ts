/** Masks a mainland phone number for lists: 138****5678. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Masks an identity number, keeping area code and check part: 110105********002X. */
export function maskIdentityNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length === 18 ? `${id.slice(0, 6)}********${id.slice(-4)}` : `${id.slice(0, 2)}****${id.slice(-2)}`;
}
