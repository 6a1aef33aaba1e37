// Starts the citeproc worker from the TypeScript sources (CLI through tsx, vitest): registers
// tsx's require hook in this thread, then loads the entry. Builds use out/main/csl-worker.js.
require('tsx/cjs/api').register()
require('./csl-worker.ts')
