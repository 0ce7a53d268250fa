import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Settings } from '../config.ts';
import type { ByteBackend } from './store.ts';

/**
 * File bytes in S3-compatible object storage: one object per stored_files row (`<prefix>files/<id>`),
 * never overwritten, so replacing a file is still the row swap in PostgreSQL. Uploads stream in
 * 5 MiB parts (lib-storage); a failed upload is aborted and its row removed.
 */
export function s3Bytes(settings: S3Settings): ByteBackend {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
    // A store that does not answer should fail the request quickly, not hang it.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 30_000 },
  });
  const objectKey = (id: number) => `${settings.prefix}files/${id}`;
  return {
    name: 's3',
    async write(id, source) {
      let bytes = 0;
      async function* counted() {
        for await (const piece of source) {
          bytes += piece.length;
          yield piece;
        }
      }
      await new Upload({
        client,
        params: { Bucket: settings.bucket, Key: objectKey(id), Body: Readable.from(counted()) },
        leavePartsOnError: false,
      }).done();
      return bytes;
    },
    async *read(id) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(id) }));
      for await (const part of Body as Readable) yield part as Buffer;
    },
    async remove(id) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(id) }));
    },
  };
}
