/**
 * Builds the web app before `npm start` when the build is missing or older than its sources,
 * so a newcomer's `npm install && npm start` serves the current UI without a separate step.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = 'dist/web/index.html';
const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(newestMtime('web'), newestMtime('contracts'));
if (stale) {
  console.log('正在构建网页端（首次启动或源码已更新）…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
}
