import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Writes dist/web/sw.js: web/pwa/service-worker.js with the list of every file of this build
 * (JS, CSS, index.html, public files) prepended, and a version made from their names, which
 * carry content hashes. A new build therefore changes sw.js and phones install it on their next
 * visit. Everything is precached — about the size of the app a grid worker opens anyway — so
 * the report page works offline even if its chunk was never opened online.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'gridhive-service-worker',
    apply: 'build',
    // After vite's own HTML and asset plugins, so index.html is in the bundle.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map'))
        .map((f) => `/${f}`)
        .sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE = ${JSON.stringify({ version, files })};\n${source}`,
      });
    },
  };
}
