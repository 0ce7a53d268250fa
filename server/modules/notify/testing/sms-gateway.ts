import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** RFC 3986 percent-encoding as the Alibaba Cloud RPC signature documents it (space → %20, * → %2A, ~ kept). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Recomputes an Alibaba Cloud RPC (signature v1) request's signature, written from the documentation
 * independently of the client under test: StringToSign = METHOD & percentEncode("/") &
 * percentEncode(sorted, percent-encoded k=v pairs without Signature); HMAC-SHA1 keyed with secret + "&", Base64.
 */
export function rpcSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** A local SendSms endpoint that checks the signature and answers as the provider does (Code OK or an error code). */
export async function startSmsGateway(accessKeyId: string, secret: string) {
  const accepted: Record<string, string>[] = [];
  const rejected: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(raw));
      const answer = (status: number, body: Record<string, string>) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (params.AccessKeyId !== accessKeyId) {
        rejected.push('InvalidAccessKeyId');
        return answer(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.' });
      }
      if (params.Signature !== rpcSignature(req.method!, params, secret)) {
        rejected.push('SignatureDoesNotMatch');
        return answer(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched.' });
      }
      if (params.Action !== 'SendSms' || !params.PhoneNumbers || !params.SignName || !params.TemplateCode)
        return answer(400, { Code: 'MissingParameter', Message: 'missing parameter' });
      accepted.push(params);
      answer(200, { Code: 'OK', Message: 'OK', BizId: `biz-${accepted.length}`, RequestId: 'test' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accepted,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
