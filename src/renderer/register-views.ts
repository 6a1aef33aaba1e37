/**
 * Registers the elements the first screen shows (the shell, the document view, the document list
 * and record, the toolbar's buttons, the Annotations tab) and mounts the application shell. Loaded
 * by main.ts as its own chunk, after the project model has started reading. Every other view (the
 * other tabs, the corpus views, dialogs, the find bar) is in later-views.ts, a chunk of its own
 * that the shell loads after the first screens are painted, or at once when one of them is shown
 * (lazy-views.ts): its code no longer stands between the navigation and the first paint.
 */
import './views/marginalia-app'
import './views/document-view'
import './views/selection-popover'
import './views/document-list'
import './views/document-record'
import './views/reimport-button'
import './views/import-button'
import './views/w3c-import-button'
import './views/error-banner'
import './views/panel-resizer'
import './views/annotation-list'
import './views/project-token-page'

if (!document.querySelector('marginalia-app')) {
  document.body.append(document.createElement('marginalia-app'))
}
