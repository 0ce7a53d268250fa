import type { FastifyInstance } from 'fastify';
import type { Session } from '../../../test/test-app.ts';

export const STRONG_PASSWORD = 'Lantern-orchard-47!';
let seq = 0;

/** A fresh sign-up body: unique username and phone, from its own address so the per-IP throttle stays out of the way. */
export function signupInput(houseNodeId: number, over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    displayName: '陈晓红',
    phone: `139${String(10_000_000 + seq * 7919).slice(-8)}`,
    houseNodeId,
    username: `res${Date.now() % 100000}${seq}`,
    password: STRONG_PASSWORD,
    ...over,
  };
}

/** Signs up through the real endpoint; returns the new account's id and its browser session. */
export async function signUpResident(
  app: FastifyInstance,
  houseNodeId: number,
  over: Record<string, unknown> = {},
): Promise<{ id: number; session: Session; body: ReturnType<typeof signupInput> }> {
  const body = signupInput(houseNodeId, over);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: body,
    remoteAddress: `10.9.${seq % 250}.${(seq * 13) % 250}`,
  });
  if (res.statusCode !== 201) throw new Error(`注册失败：${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = cookies.find((c) => c.name === 'gh_csrf')!.value;
  return { id: res.json().data.id, session: { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } }, body };
}
