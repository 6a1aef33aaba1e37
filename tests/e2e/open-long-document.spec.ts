/**
 * A long document opens before all its text has come (issue 10, "open → painted"): the first answer
 * carries only its first screens' text; the rest follows once they are painted. Meanwhile the text
 * shown is marked busy and the end of the book is not there; a jump past the part shown waits for
 * the rest instead of failing; once the text is whole, a passage near the end is jumped to and
 * highlighted with the mouse, its offsets those of the whole text.
 */
import type { Page, Response } from '@playwright/test'
import { test, expect } from './fixtures'
import { paintedTexts } from './painted'
import { dragSelect } from './select'

test.use({ seed: true })

const TITLE = 'A Long Chronicle'
/** About 130,000 code points: four times what the first answer carries (30,000 and a paragraph). */
const PARAGRAPHS = 800
const JUMPED = 'the regent sealed the last treaty of the chronicle'
const SELECTED = 'the scribe laid down his pen at dawn'

function chronicle(): string {
  const body = Array.from({ length: PARAGRAPHS }, (_, i) =>
    `In year ${i + 1} the emperor left the city and the regent governed in his name, while the council met in the palace and the envoys waited for an answer from the west.`)
  body.push(`At the end ${JUMPED}, and ${SELECTED}.`)
  return `${TITLE}\n\n${body.join('\n\n')}\n`
}

const article = (page: Page) => page.locator('document-view article')

/** Whether `phrase` is in the document view's DOM now (built text only; nothing is scrolled). */
function rendered(page: Page, phrase: string): Promise<boolean> {
  return page.evaluate((p) => document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!.shadowRoot!.querySelector('.text')!.textContent!.includes(p), phrase)
}

test('a long document shows its first screens first, waits for the rest before a far jump, then a passage near its end is jumped to and highlighted', async ({ page, app }) => {
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  const text = chronicle()
  const doc = await app.api<{ id: string; length: number }>('importDocument', { fileName: 'chronicle.txt', contentBase64: Buffer.from(text, 'utf8').toString('base64') })
  const far = await app.api<{ id: string; target: { start: number; end: number } }>('annotateQuote', { documentId: doc.id, quote: JUMPED })
  expect(far.target.start).toBeGreaterThan(100_000)

  // The rest of the text is held on its way, so the state in between can be looked at.
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  await page.route('**/api/getDocument', async (route) => {
    if ((route.request().postDataJSON() as { id?: string }).id === doc.id) await released
    await route.continue()
  })
  const firstAnswer = page.waitForResponse((r: Response) => r.url().endsWith('/api/getFirstScreens'))
  await page.locator('document-list button.doc', { hasText: 'chronicle.txt' }).click()
  const first = (await (await firstAnswer).json()) as { ok: true; value: { document: { id: string; length: number }; text: string; whole: boolean } }
  expect(first.value.document.id).toBe(doc.id)
  expect(first.value.whole).toBe(false)
  expect(first.value.text.length).toBeLessThan(text.length / 3)
  expect(text.startsWith(first.value.text)).toBe(true)

  // The first screens are shown; the end of the book is not there yet, and the text says it is busy.
  await expect(article(page)).toContainText('In year 1 the emperor left the city')
  await expect(article(page)).toHaveAttribute('aria-busy', 'true')
  await expect(page.locator('footer')).toContainText('Loading…')
  expect(await rendered(page, SELECTED)).toBe(false)
  // A jump past the part shown (as the find bar or a page turn asks) waits for the rest.
  const asked = await page.evaluate(({ start, end }) => {
    const view = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view') as unknown as { revealSpan(s: number, e: number): boolean }
    return view.revealSpan(start, end)
  }, far.target)
  expect(asked).toBe(true)

  release()
  await expect(article(page)).toHaveAttribute('aria-busy', 'false')
  // The jump asked for meanwhile is made: the far highlight is painted, so it is near the viewport.
  await expect.poll(() => paintedTexts(page), { timeout: 15_000 }).toContain(JUMPED)
  await expect(page.locator('footer')).toContainText('1 highlight in this document')

  // The end of the book is whole: a selection there becomes a highlight at the whole text's offsets.
  await dragSelect(page, SELECTED)
  const popover = page.locator('selection-popover')
  await expect(popover.locator('.quote')).toHaveText(`“${SELECTED}”`)
  await popover.locator('#note').fill('the last words')
  await popover.locator('#note').press('Enter')
  await expect(popover).toHaveCount(0)
  await expect.poll(() => paintedTexts(page)).toContain(SELECTED)
  const made = (await app.api<{ target: { start: number; end: number; exact: string }; note: string }[]>('listAnnotations', { documentId: doc.id })).find((a) => a.note === 'the last words')!
  expect(made.target.exact).toBe(SELECTED)
  expect([...text].slice(made.target.start, made.target.end).join('')).toBe(SELECTED)
  expect(made.target.end).toBeGreaterThan(first.value.text.length)
})
