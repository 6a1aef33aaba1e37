// Starts the bibliography-reading worker from the TypeScript sources (CLI through tsx, vitest):
// registers tsx's require hook in this thread, then loads the entry. Builds use out/main/bib-read-worker.js.
require('tsx/cjs/api').register()
require('./bib-read-worker.ts')
