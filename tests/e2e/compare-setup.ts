/**
 * Helpers of the compare e2e specs: a notes document with a highlighted claim citing an item whose
 * attached source is given (set up through the API), and the way to its Verify tab and compare view.
 */
import type { Page } from '@playwright/test'
import { expect, type App } from './fixtures'

const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')

/**
 * Imports `notes` (a text document, opened after the reload as the first one) and `source` (role
 * source), attaches the source to a new item, highlights `claim` citing it at `locator`, reloads.
 */
export async function claimCitingSource(app: App, page: Page, notes: string, claim: string, source: { fileName: string; bytes: Uint8Array | string }, locator?: string) {
  const doc = await app.api<{ id: string }>('importDocument', { fileName: 'notes.txt', contentBase64: b64(notes) })
  const src = await app.api<{ id: string }>('importDocument', { fileName: source.fileName, contentBase64: b64(source.bytes), role: 'source' })
  const item = await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: source.fileName } })
  await app.api('attachSource', { citationId: item.id, documentId: src.id })
  const ann = await app.api<{ id: string }>('annotateQuote', { documentId: doc.id, quote: claim, citations: [{ citationId: item.id, ...(locator ? { locator } : {}) }] })
  await page.reload()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('notes')
  return { notes: doc, src, item, ann }
}

/** Selects the (first) highlight in the Annotations tab and opens the Verify tab; returns its citation links. */
export async function verifyTab(page: Page) {
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await page.locator('annotation-card button.quote').first().click()
  await page.getByRole('tab', { name: 'Verify' }).click()
  return page.locator('verify-panel .link')
}

/** Reloads the page (the project read again from the services) and opens the Verify tab. */
export async function reloadToVerify(page: Page) {
  await page.reload()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('notes')
  return verifyTab(page)
}
