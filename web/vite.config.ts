import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './pwa/vite-plugin.ts';

// Resolve root from this file, not from the cwd, so `vite build --config web/vite.config.ts`
// behaves the same from any directory.
const root = fileURLToPath(new URL('.', import.meta.url));
// The API server for `vite` / `vite preview`; override when 3000 is taken.
const apiTarget = process.env.GH_API_URL || 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The shared antd core and the ECharts chunk are each ~550 kB minified; warn beyond that.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // antd is left to the default splitting: components only lazy pages use (Upload, Table…)
          // then load with those pages instead of growing one chunk every page must download.
          groups: [
            // ECharts is only needed by the charts: one chunk, loaded with the first chart.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget },
  },
});
