import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { CONTENT_SECURITY_POLICY } from './src/main/security/csp'

// ESM-only packages (stemmer, approx-string-match, d3-force and its d3 parts, the mdast/micromark
// Markdown parser) are bundled into the CJS main instead of being left as require() calls.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: {
        exclude: ['stemmer', 'approx-string-match', 'd3-force', 'd3-dispatch', 'd3-quadtree', 'd3-timer',
          'mdast-util-from-markdown', 'mdast-util-gfm-footnote', 'micromark-extension-gfm-footnote']
      },
      // The citeproc, bibliography-reading and import workers are their own entries: out/main/csl-worker.js,
      // out/main/bib-read-worker.js and out/main/import-worker.js (see src/main/bib/csl-worker-client.ts,
      // bib-read-client.ts, src/main/import/import-worker-client.ts).
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'csl-worker': resolve(__dirname, 'src/main/bib/csl-worker.ts'),
          'bib-read-worker': resolve(__dirname, 'src/main/bib/bib-read-worker.ts'),
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
  // The dev server sends the same CSP header as app:// and `serve` (src/main/security/csp.ts).
  renderer: { server: { headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } } }
})
