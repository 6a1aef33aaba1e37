/// <reference types="vite/client" />
/**
 * Registers every custom element not needed by the first screen: each file under ./views defines
 * the tag it is named after (those register-views.ts registered already are in its chunk, not
 * loaded twice), and the corpus views. Loaded as its own chunk by lazy-views.ts.
 */
import.meta.glob(['./views/*.ts', './views/corpus/corpus-view.ts'], { eager: true })
