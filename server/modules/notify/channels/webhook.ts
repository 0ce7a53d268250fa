import { createHmac } from 'node:crypto';

/**
 * Outbound webhook signature (documented in README): header `X-GridHive-Timestamp` holds the Unix
 * time in seconds, `X-GridHive-Signature` holds `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + body).
 * Receivers recompute it over the raw body and refuse old timestamps (replay).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** POSTs the body; any 2xx is delivered, anything else (or a time-out) is an error to retry. */
export async function sendWebhook(
  target: { url: string; secret: string },
  delivery: { id: number; kind: string; body: string },
  timeoutMs: number,
  now = new Date(),
): Promise<void> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const response = await fetch(target.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'GridHive-Webhook/1',
      'x-gridhive-event': delivery.kind,
      'x-gridhive-delivery': String(delivery.id),
      'x-gridhive-timestamp': timestamp,
      'x-gridhive-signature': webhookSignature(target.secret, timestamp, delivery.body),
    },
    body: delivery.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) throw new Error(`接收方返回 HTTP ${response.status}`);
}
