import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

// lowdb is ESM-only: bundle it into the CJS main instead of leaving a require() of it.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'stemmer'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() other files: emit one self-contained CJS bundle.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  // The renderer keeps electron-vite's default root (src/renderer): setting `root` here would make
  // `--outDir` resolve inside src/renderer.
  renderer: {}
})
