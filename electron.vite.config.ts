import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three bundles: main (Electron main, plus the Node-only CLI, the import worker, the column index
// worker and the benchmark runner, which share the domain code), preload (sandboxed, CommonJS) and renderer (React).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'import-worker': resolve(__dirname, 'src/main/importers/import-worker.ts'),
          'column-index-worker': resolve(__dirname, 'src/main/query/column-index/index-worker.ts'),
          bench: resolve(__dirname, 'src/main/bench/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
