/// <reference types="vite/client" />
/**
 * Renderer entry: registers every custom element (one per file under ./views, each file
 * defining the tag it is named after) and mounts the application shell.
 */
import.meta.glob('./views/*.ts', { eager: true })

if (!document.querySelector('marginalia-app')) {
  document.body.append(document.createElement('marginalia-app'))
}
