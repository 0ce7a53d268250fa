import type { NotifySettings } from '../../../platform/config.ts';

/** Channel settings pointing at the test's own local servers. */
export function testSettings(overrides: Partial<NotifySettings> = {}): NotifySettings {
  return { smtp: null, sms: null, webhookTimeoutMs: 2000, maxAttempts: 3, backoffSeconds: 30, ...overrides };
}
