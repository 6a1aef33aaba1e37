// Starts the import worker from the TypeScript sources (CLI through tsx, vitest): registers tsx's
// require hook in this thread, then loads the entry. Builds use out/main/import-worker.js.
require('tsx/cjs/api').register()
require('./import-worker.ts')
