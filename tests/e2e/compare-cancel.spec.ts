/**
 * Comparing a claim against a large source (Gibbon vol. 6, 1.4 M code points) for the first time
 * indexes it as a job: the compare view shows the progress and Cancel stops it on the services —
 * no index is written, and opening the view again indexes again.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { test, expect } from './fixtures'

const GIBBON = resolve(__dirname, '../../../shared/corpus/large/gibbon-decline-and-fall-vol6-pg895.txt')

test.skip(!existsSync(GIBBON), 'needs ../shared/corpus (Gibbon vol. 6)')

test('indexing a large source shows progress in the compare view and Cancel stops it on the services', async ({ page, app }) => {
  test.setTimeout(180_000)
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
  const notes = await app.api<{ id: string }>('importDocument', { fileName: 'notes.txt', contentBase64: b64('Notes.\n\nManuel II left John VII as regent to defend the capital.\n') })
  const src = await app.api<{ id: string }>('importDocument', { fileName: 'gibbon-vol6.txt', contentBase64: b64(readFileSync(GIBBON)), role: 'source' })
  const item = await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'Decline and Fall, vol. 6' } })
  await app.api('attachSource', { citationId: item.id, documentId: src.id })
  await app.api('annotateQuote', { documentId: notes.id, quote: 'Manuel II left John VII as regent', citations: [{ citationId: item.id }] })
  await page.reload()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('notes')
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await page.locator('annotation-card button.quote').first().click()
  await page.getByRole('tab', { name: 'Verify' }).click()

  const open = page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' })
  const view = page.locator('compare-view')
  await open.click()
  await expect(view.locator('.indexing')).toHaveText(/Indexing the source \(once\)… \d+%/, { timeout: 60_000 })
  await view.locator('.progress').getByRole('button', { name: 'Cancel' }).click()
  await expect(view).toHaveCount(0)

  // Cancelled on the services: no index was kept, so the next comparison indexes again.
  const indexFile = join(app.dir, 'index', `${src.id}.json`)
  expect(existsSync(indexFile)).toBe(false)
  await open.click()
  await expect(view.locator('.indexing')).toHaveText(/Indexing the source \(once\)… \d+%/, { timeout: 60_000 })
  await expect(view.locator('compare-summary h3')).toBeVisible({ timeout: 120_000 })
  expect(existsSync(indexFile)).toBe(true)
})
