/** Shared by the corpus and search specs: what the document view marks, read through its accessors. */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { GIBBON_EXCERPT, type App } from './fixtures'

/** The text of one of the document view's marked layers (the current search hit, the flashed passage). */
export function marked(page: Page, kind: 'hit-current' | 'flash' | 'selected'): Promise<string | undefined> {
  return page.evaluate(
    `document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').markedText(${JSON.stringify(kind)})`
  ) as Promise<string | undefined>
}

/** The texts of the highlights painted now, sorted. */
export function painted(page: Page): Promise<string[]> {
  return page.evaluate(
    `document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').painted.map((p) => p.text).sort()`
  ) as Promise<string[]>
}

/** Imports the Gibbon excerpt (vol. 6, ch. LXIV–LXV) as a source; returns its id. */
export async function importGibbon(app: App): Promise<string> {
  const doc = await app.api<{ id: string }>('importDocument', {
    fileName: 'gibbon-vol6-ch64-65.txt',
    contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64'),
    role: 'source',
    title: 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV'
  })
  return doc.id
}
