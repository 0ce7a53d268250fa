// `npm run build`: the web app (Vite) and the server compiled to plain JavaScript (tsc, relative
// `.ts` imports rewritten to `.js`), plus the files the server reads at run time (migrations,
// fixtures), so that `npm ci --omit=dev && npm start` runs with no TypeScript loader or bundler.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const run = (args) => execFileSync(process.execPath, args, { stdio: 'inherit' });
const out = 'dist/server';

console.log('构建网页端…');
run(['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

console.log('编译服务端…');
fs.rmSync(out, { recursive: true, force: true });
run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);

/** Copies every non-TypeScript file the server reads (SQL, journals, JSON fixtures) beside its compiled code. */
function copyAssets(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(from);
    else if (!/\.(ts|tsx)$/.test(entry.name)) {
      const to = path.join(out, from);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    }
  }
}
copyAssets('server');
copyAssets('contracts');
fs.writeFileSync(path.join(out, 'BUILT_AT'), new Date().toISOString());
console.log(`完成：${out}/server/main.js 与 dist/web`);
