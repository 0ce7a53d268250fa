// Runs a server entry (`main` or `cli`) the best way this install allows, in plain JavaScript so it
// works after `npm ci --omit=dev`:
// - sources newer than the compiled build (or no build) and tsx installed → run the TypeScript
//   directly through tsx (a developer's checkout), building the web app first when it is stale;
// - otherwise the compiled build from `npm run build` (production: no TypeScript loader);
// - neither → say what to do.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const entry = process.argv[2] ?? 'main';
const args = process.argv.slice(3);
const compiled = `dist/server/server/${entry}.js`;
const hasTsx = fs.existsSync('node_modules/tsx/package.json');
const hasVite = fs.existsSync('node_modules/vite/bin/vite.js');

function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

const buildAt = mtime('dist/server/BUILT_AT');
const sourcesNewer = Math.max(newestMtime('server'), newestMtime('contracts')) > buildAt;
const useTsx = hasTsx && (buildAt === 0 || sourcesNewer);

if (!useTsx && buildAt === 0) {
  console.error(
    '未找到编译后的服务端（dist/server）。请先执行 npm run build（需要开发依赖），或使用 npm install 安装开发依赖后再启动。',
  );
  process.exit(1);
}
if (entry === 'main' && hasVite) {
  const webStale = mtime('dist/web/index.html') < Math.max(newestMtime('web'), newestMtime('contracts'));
  if (webStale) {
    console.log('正在构建网页端（首次启动或源码已更新）…');
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      { stdio: 'inherit' },
    );
  }
}
if (entry === 'main' && !fs.existsSync('dist/web/index.html')) {
  console.error('未找到网页端构建（dist/web）：请先执行 npm run build。');
  process.exit(1);
}

const nodeArgs = useTsx ? ['--import', 'tsx', `server/${entry}.ts`, ...args] : [compiled, ...args];
const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit' });
// The server drains on SIGTERM/SIGINT: pass them on and exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
