/**
 * A jump does not wait for a write (issue 10, "jump to the last annotation"): while the answer to
 * a new highlight is still on its way, jumping to a passage far down a long document scrolls there
 * and paints it; the write's answer, when it comes, adds the new highlight as usual.
 */
import type { Route } from '@playwright/test'
import { test, expect } from './fixtures'
import { markedText, paintedTexts } from './painted'

test.use({ seed: true })

const FAR = 'the regent sealed the last treaty of the chronicle'

test('a jump made while a new highlight is still being written paints at once, and the highlight follows', async ({ page, app }) => {
  const body = Array.from({ length: 600 }, (_, i) => `In year ${i + 1} the emperor left the city and the regent governed in his name, while the council met in the palace.`)
  body.push(`At the end ${FAR}.`)
  const text = `A Long Chronicle\n\n${body.join('\n\n')}\n`
  const doc = await app.api<{ id: string }>('importDocument', { fileName: 'chronicle.txt', contentBase64: Buffer.from(text, 'utf8').toString('base64') })
  const far = await app.api<{ id: string }>('annotateQuote', { documentId: doc.id, quote: FAR })
  await page.locator('document-list button.doc', { hasText: 'chronicle.txt' }).click()
  await expect(page.locator('footer')).toContainText('1 highlight in this document')
  await expect.poll(() => page.evaluate(() => (document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { laidOut: boolean }).laidOut)).toBe(true)

  // The write's answer is held back: the write is pending while the jump is made.
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  let writing = false
  await page.route('**/api/createAnnotation', async (route: Route) => {
    writing = true
    await released
    await route.continue()
  })
  await page.evaluate((documentId) => {
    const m = (document.querySelector('marginalia-app') as unknown as { model: { mutate(m: string, a: unknown): Promise<unknown> } }).model
    ;(window as unknown as { write: Promise<unknown> }).write = m.mutate('createAnnotation', { documentId, start: 20, end: 30 })
  }, doc.id)
  await expect.poll(() => writing).toBe(true)
  const jumped = await page.evaluate((id) => (document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { reveal(id: string): boolean }).reveal(id), far.id)
  expect(jumped).toBe(true)
  await expect.poll(() => markedText(page, 'flash')).toBe(FAR)
  await expect.poll(() => paintedTexts(page)).toContain(FAR)
  expect(await page.evaluate(() => (document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { painted: unknown[] }).painted.length)).toBeGreaterThan(0)
  await expect(page.locator('footer')).toContainText('1 highlight in this document') // the write has not answered

  release()
  await page.evaluate(() => (window as unknown as { write: Promise<unknown> }).write)
  await expect(page.locator('footer')).toContainText('2 highlights in this document')
})
