/**
 * Switching documents while the first one is still arriving (issue 10: "switching documents stays
 * under a second" in a project of 100,000 annotations). Right after a book's first screens are
 * painted the window asks for its whole annotation list (4.5 MB on a book of 10,000 highlights);
 * a switch then must not wait behind it: the request is cancelled on the wire, and the new
 * document shows with its own highlights only. bench/render-vs-recogito.ts measures the time.
 */
import type { Request } from '@playwright/test'
import { test, expect } from './fixtures'
import { paintedTexts } from './painted'

test.use({ seed: true })

test('a switch cancels the whole annotation list of the document left, and shows the new one with its own highlights', async ({ page, app }) => {
  const note = await app.api<{ id: string }>('importDocument', {
    fileName: 'note.txt',
    contentBase64: Buffer.from('A note\n\nManuel II left John VII as regent in 1399.\n', 'utf8').toString('base64')
  })
  await app.api('annotateQuote', { documentId: note.id, quote: 'regent in 1399' })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Battle of Ankara' })
  // The seed's whole list is held on its way (as a 4.5 MB list is, on a loaded machine).
  let held: Request | undefined
  await page.route('**/api/listAnnotations', async (route) => {
    const args = route.request().postDataJSON() as { documentId?: string; end?: number }
    if (args.documentId !== app.seedId || args.end !== undefined) return route.continue()
    held = route.request()
    await new Promise((r) => setTimeout(r, 10_000))
    await route.continue().catch(() => undefined) // cancelled by the page meanwhile
  })
  const failures: { request: Request; error: string }[] = []
  page.on('requestfailed', (request) => failures.push({ request, error: request.failure()?.errorText ?? '' }))
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await expect.poll(() => held !== undefined).toBe(true)

  await page.locator('document-list button', { hasText: 'note' }).click()
  await expect.poll(() => failures.find((f) => f.request === held)?.error, { timeout: 5_000 }).toContain('ABORTED')
  await expect(page.locator('document-view article')).toContainText('Manuel II left John VII')
  await expect.poll(() => paintedTexts(page)).toEqual(['regent in 1399'])
  await expect(page.locator('document-list button[aria-current=true]')).toContainText('note')
})
