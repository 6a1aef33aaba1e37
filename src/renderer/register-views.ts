/// <reference types="vite/client" />
/**
 * Registers every custom element (one per file under ./views, each file defining the tag it is
 * named after) and mounts the application shell. Loaded by main.ts as its own chunk, after the
 * project model has started reading.
 */
import.meta.glob('./views/*.ts', { eager: true })

if (!document.querySelector('marginalia-app')) {
  document.body.append(document.createElement('marginalia-app'))
}
