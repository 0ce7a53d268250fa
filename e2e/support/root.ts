import path from 'node:path';

/** The repository root: the server is started and artifacts are written relative to it. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
