import RPCClient from '@alicloud/pop-core';
import type { NotifySettings } from '../../../platform/config.ts';

type Sms = NonNullable<NotifySettings['sms']>;

/**
 * Alibaba Cloud SMS SendSms through @alicloud/pop-core, the provider's own RPC client: it signs the
 * request (signature v1: HMAC-SHA1 over the percent-encoded, sorted query, key = AccessKeySecret + '&').
 * The template takes one variable, `content`, the notice text (the provider caps a variable's length,
 * so it is cut to 35 characters; the full text is in the app).
 */
/** One client per configuration: each holds a keep-alive agent, which a client per message would leak. */
const clients = new Map<string, RPCClient>();

export async function sendSms(sms: Sms, phone: string, text: string): Promise<string> {
  const key = JSON.stringify(sms);
  let client = clients.get(key);
  if (!client) {
    client = new RPCClient({
      endpoint: sms.endpoint,
      accessKeyId: sms.accessKeyId,
      accessKeySecret: sms.accessKeySecret,
      apiVersion: '2017-05-25',
    });
    clients.set(key, client);
  }
  const result = (await client
    .request(
      'SendSms',
      {
        PhoneNumbers: phone,
        SignName: sms.signName,
        TemplateCode: sms.templateCode,
        TemplateParam: JSON.stringify({ content: [...text].slice(0, 35).join('') }),
      },
      { method: 'POST', timeout: 10_000 },
    )
    .catch((error: { code?: string; data?: { Message?: string }; message?: string }) => {
      // pop-core throws on an error Code; keep the provider's code and message, not the signed URL.
      if (error.data) throw new Error(`短信网关拒绝：${error.code} ${error.data?.Message ?? ''}`.trim());
      throw error;
    })) as { Code?: string; Message?: string; BizId?: string };
  // pop-core throws for most codes but lets "OK"-like ones through; anything but OK is a failure here.
  if (result.Code !== 'OK') throw new Error(`短信网关拒绝：${result.Code ?? ''} ${result.Message ?? ''}`.trim());
  return result.BizId ?? '';
}
