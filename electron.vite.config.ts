import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'

// ESM-only packages (lowdb, steno, stemmer, approx-string-match, the mdast/micromark Markdown
// parser) are bundled into the CJS main instead of being left as require() calls.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['lowdb', 'steno', 'stemmer', 'approx-string-match', 'mdast-util-from-markdown', 'mdast-util-gfm-footnote', 'micromark-extension-gfm-footnote'] },
      // The citeproc and import workers are their own entries: out/main/csl-worker.js and
      // out/main/import-worker.js (see src/main/bib/csl-worker-client.ts, src/main/import/import-worker-client.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'csl-worker': resolve(__dirname, 'src/main/bib/csl-worker.ts'),
          'import-worker': resolve(__dirname, 'src/main/import/import-worker.ts')
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
