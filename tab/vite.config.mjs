import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The Tasks tab's front end: built once (`npm run build`, also run by `npm install` / `npm ci`)
 * into dist/tab-app (dist/tab holds the compiled server code), which the bot serves under /tab/. Everything is bundled: nothing is fetched
 * from the network at run time.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: path.resolve(import.meta.dirname, '..', 'dist', 'tab-app'),
    emptyOutDir: true,
    assetsDir: 'assets',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
    sourcemap: false,
    rollupOptions: {
      // Fluent UI marks its modules "use client" (for React Server Components); a bundle for the browser ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
