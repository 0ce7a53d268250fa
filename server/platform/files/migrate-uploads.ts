import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from './store.ts';

/** What a module does once one of its files has moved into the store (e.g. rewrite a stored path). */
export type MovedFileHook = (diskPath: string, key: string) => Promise<void>;

function* filesUnder(root: string, dir = root): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(root, full);
    // `.part` files are writes the old disk storage never finished: nothing ever pointed at them.
    else if (entry.isFile() && !entry.name.endsWith('.part')) yield full;
  }
}

/**
 * Moves files that earlier versions wrote under DATA_DIR/uploads into the shared store, keyed by
 * their path below uploads/ (the key photos already recorded). Each file is deleted from disk only
 * after the store holds all of it and the hooks have run, so a kill midway loses nothing: the next
 * start moves what is left, and a file already in the store with the same size is not copied again.
 */
export async function migrateLegacyUploads(
  files: FileStore,
  dataDir: string,
  hooks: MovedFileHook[] = [],
  log: (line: string) => void = console.log,
): Promise<{ moved: number; bytes: number }> {
  const root = path.join(dataDir, 'uploads');
  if (!fs.existsSync(root)) return { moved: 0, bytes: 0 };
  const pending = [...filesUnder(root)];
  if (pending.length) log(`正在把 ${root} 中的 ${pending.length} 个文件迁入共享文件存储…`);
  let moved = 0;
  let bytes = 0;
  for (const file of pending) {
    const key = path.relative(root, file).split(path.sep).join('/');
    const size = fs.statSync(file).size;
    const existing = await files.stat(key);
    if (existing?.bytes !== size) await files.put(key, fs.createReadStream(file));
    for (const hook of hooks) await hook(file, key);
    fs.rmSync(file);
    moved++;
    bytes += size;
    if (moved % 500 === 0) log(`  已迁移 ${moved}/${pending.length}`);
  }
  if (moved) log(`已迁移 ${moved} 个文件（${(bytes / 1024 / 1024).toFixed(1)} MB）到共享文件存储`);
  return { moved, bytes };
}
