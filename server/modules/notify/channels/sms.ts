import RPCClient from '@alicloud/pop-core';
import type { NotifySettings } from '../../../platform/config.ts';

type Sms = NonNullable<NotifySettings['sms']>;

/**
 * Alibaba Cloud SMS SendSms through @alicloud/pop-core, the provider's own RPC client: it signs the
 * request (signature v1: HMAC-SHA1 over the percent-encoded, sorted query, key = AccessKeySecret + '&').
 * The template takes one variable, `content`, the notice text (the provider caps a variable's length,
 * so it is cut to 35 characters; the full text is in the app).
 */
export async function sendSms(sms: Sms, phone: string, text: string): Promise<string> {
  const client = new RPCClient({
    endpoint: sms.endpoint,
    accessKeyId: sms.accessKeyId,
    accessKeySecret: sms.accessKeySecret,
    apiVersion: '2017-05-25',
  });
  const result = (await client.request(
    'SendSms',
    {
      PhoneNumbers: phone,
      SignName: sms.signName,
      TemplateCode: sms.templateCode,
      TemplateParam: JSON.stringify({ content: [...text].slice(0, 35).join('') }),
    },
    { method: 'POST', timeout: 10_000 },
  )) as { Code?: string; Message?: string; BizId?: string };
  // pop-core throws for most codes but lets "OK"-like ones through; anything but OK is a failure here.
  if (result.Code !== 'OK') throw new Error(`短信网关拒绝：${result.Code ?? ''} ${result.Message ?? ''}`.trim());
  return result.BizId ?? '';
}
