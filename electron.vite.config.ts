import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

// ESM-only packages (lowdb, steno, stemmer, approx-string-match) are bundled into the CJS main
// instead of being left as require() calls.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'stemmer', 'approx-string-match'] },
      // The citeproc and bibliography-reading workers are entries of their own: out/main/csl-worker.js,
      // out/main/bib-read-worker.js (see src/main/bib/csl-worker-client.ts, bib-read-client.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'csl-worker': resolve(__dirname, 'src/main/bib/csl-worker.ts'),
          'bib-read-worker': resolve(__dirname, 'src/main/bib/bib-read-worker.ts')
        }
      }
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
