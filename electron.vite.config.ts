import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CSP_PLACEHOLDER, RENDERER_CSP } from './shared/security/csp.ts';

const root = import.meta.dirname;

/** Writes the one renderer policy (shared/security/csp.ts) into index.html's CSP meta tag. */
const rendererCsp: Plugin = {
  name: 'orbit-renderer-csp',
  transformIndexHtml(html) {
    if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html must carry ${CSP_PLACEHOLDER} in its CSP meta tag.`);
    return html.replace(CSP_PLACEHOLDER, RENDERER_CSP);
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The engine runs in a worker thread; it is bundled beside main and started by path.
          'engine-worker': resolve(root, 'electron/engine/worker.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require() our files: one CommonJS bundle with everything inlined.
      rollupOptions: { input: { index: resolve(root, 'electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), rendererCsp],
    build: { outDir: resolve(root, 'out/renderer'), minify: true, rollupOptions: { input: resolve(root, 'renderer/index.html') } },
  },
});
