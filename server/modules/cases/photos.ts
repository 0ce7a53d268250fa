import crypto from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/open.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { casePhotos } from './schema.ts';

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
const ALLOWED = new Map([
  ['jpeg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
]);

/**
 * Accepts an uploaded image after checking its content (not its name): decodable JPEG, PNG or
 * WebP within the size limit. Stores the original and a 320 px WebP thumbnail for lists in the shared
 * file store (keys named by content, so an upload repeated on any instance rewrites the same file).
 */
export async function storePhoto(db: Db, files: FileStore, actor: Actor, bytes: Buffer) {
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', {
      message: `照片不能超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`,
      details: [{ path: 'file', message: '文件过大' }],
    });
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw invalid('file', '文件不是可识别的图片');
  }
  const mime = ALLOWED.get(meta.format ?? '');
  if (!mime)
    throw invalid('file', `不支持的图片格式${meta.format ? `（${meta.format}）` : ''}，仅支持 JPEG、PNG、WebP`);
  if ((meta.width ?? 0) * (meta.height ?? 0) > 50_000_000) throw invalid('file', '图片像素过大');
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const key = `cases/${sha256.slice(0, 2)}/${sha256}`;
  const thumb = await sharp(bytes)
    .rotate()
    .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
  await files.put(`${key}.${meta.format}`, bytes, { mime, createdBy: actor.userId });
  await files.put(`${key}.thumb.webp`, thumb, { mime: 'image/webp', createdBy: actor.userId });
  const [row] = await db
    .insert(casePhotos)
    .values({
      uploadedBy: actor.userId,
      mime,
      bytes: bytes.length,
      width: meta.width ?? null,
      height: meta.height ?? null,
      sha256,
      storageKey: `${key}.${meta.format}`,
    })
    .returning();
  return row!;
}

export function thumbKey(storageKey: string): string {
  return storageKey.replace(/\.[a-z]+$/, '.thumb.webp');
}
