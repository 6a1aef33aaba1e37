/**
 * The document view end to end, in Chromium over the HTTP transport with the real services:
 * select with the mouse, highlight with a tag and a note, see it painted and listed, survive a
 * reload, undo and redo with the keyboard, Greek offsets, overlaps, list navigation, edit, delete.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { SEED, test, expect } from './fixtures'
import { markedText, paintedColours, paintedTexts } from './painted'
import { dragSelect, phraseRects } from './select'

test.use({ seed: true })

interface Annotation {
  id: string
  documentId: string
  target: { start: number; end: number; exact: string }
  tags: string[]
  note: string
}

/** Selects `phrase` with the mouse and highlights it through the popover. */
async function highlight(page: Page, phrase: string, tags: string, note: string) {
  await dragSelect(page, phrase)
  const popover = page.locator('selection-popover')
  await expect(popover).toBeVisible()
  await expect(popover.locator('.quote')).toHaveText(`“${phrase}”`)
  await expect(popover.locator('#tag')).toBeFocused()
  await page.keyboard.type(tags)
  await popover.locator('#note').fill(note)
  await popover.locator('#note').press('Enter')
  await expect(popover).toHaveCount(0)
}

const specialText = markedText

const cards = (page: Page) => page.locator('annotation-list annotation-card')

/** Uncaught exceptions in the page, per test: any is a failure. */
let pageErrors: string[] = []

test.beforeEach(async ({ page, app }) => {
  pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(String(e)))
  // Seeded tests (all but the empty-project one) start once the article is on screen.
  if (app.seedId) await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
})

test.afterEach(() => {
  expect(pageErrors).toEqual([])
})

test('a mouse selection becomes a tagged highlight that survives reload, undo and redo', async ({ page, app }) => {
  const phrase = 'Byzantine Emperor for five months in 1390'
  await highlight(page, phrase, 'claim', 'Only five months?')

  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).first()).toContainText(phrase)
  await expect(cards(page).first().locator('.chip')).toHaveText('claim')
  await expect(cards(page).first()).toContainText('Only five months?')
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])

  const [stored] = await app.api<Annotation[]>('listAnnotations', {})
  expect(stored.target.exact).toBe(phrase)
  expect(stored.tags).toEqual(['claim'])
  expect(stored.note).toBe('Only five months?')

  await page.reload()
  await expect(cards(page)).toHaveCount(1)
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])

  await page.keyboard.press('Control+z')
  await expect(cards(page)).toHaveCount(0)
  await expect.poll(() => paintedTexts(page)).toEqual([])
  expect(await app.api<Annotation[]>('listAnnotations', {})).toHaveLength(0)

  await page.keyboard.press('Control+Shift+z')
  await expect(cards(page)).toHaveCount(1)
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])
  await expect(page.locator('footer')).toContainText('undo')
})

test('a Greek phrase keeps code point offsets whose slice equals the quote, also after a server restart', async ({ page, app }) => {
  const phrase = "Ιωάννης Ζ' Παλαιολόγος"
  await highlight(page, phrase, 'name', '')
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])
  const [a] = await app.api<Annotation[]>('listAnnotations', {})
  expect(a.target.exact).toBe(phrase)
  const doc = await app.api<{ text: string }>('getDocument', { id: a.documentId })
  expect([...doc.text].slice(a.target.start, a.target.end).join('')).toBe(phrase)
  // The CLI, reading the project folder while the server is stopped, sees the same annotation.
  let listed: Annotation[] = []
  await app.restart(page, async () => {
    listed = ((await app.cli('list', app.dir)) as { annotations: Annotation[] }).annotations
  })
  expect(listed.map((x) => x.target.exact)).toEqual([phrase])
  expect(listed[0].target.start).toBe(a.target.start)
  await expect(cards(page)).toHaveCount(1)
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])
})

test('overlapping highlights are both painted; clicking one in the list scrolls to and flashes it', async ({ page }) => {
  await highlight(page, 'Bayezid I had besieged Constantinople', 'event', 'Siege')
  await highlight(page, 'besieged Constantinople for some five years', 'duration', '')
  await expect.poll(() => paintedTexts(page)).toEqual(['Bayezid I had besieged Constantinople', 'besieged Constantinople for some five years'])

  // Scroll the text back to the top, then jump to the passage from the list.
  await page.locator('document-view .scroller').evaluate((el) => el.scrollTo(0, 0))
  const target = cards(page).filter({ hasText: 'Bayezid I had besieged' })
  await target.click()
  await expect.poll(() => specialText(page, 'flash')).toBe('Bayezid I had besieged Constantinople')
  await expect.poll(() => specialText(page, 'selected')).toBe('Bayezid I had besieged Constantinople')
  // The passage is scrolled into the visible part of the text (smooth scrolling takes a moment).
  const inView = () =>
    page.evaluate(() => {
      const view = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!
      const box = view.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect()
      const flash = view.shadowRoot!.querySelector('.overlay .box.flash')
      if (!flash) return 'no flash'
      const r = flash.getBoundingClientRect()
      return r.top >= box.top && r.bottom <= box.bottom ? 'visible' : `outside (${r.top}..${r.bottom} not in ${box.top}..${box.bottom})`
    })
  await expect.poll(inView).toBe('visible')
  // The flash fades by itself.
  await expect.poll(() => specialText(page, 'flash'), { timeout: 5000 }).toBeUndefined()
})

test('edit and delete work inline, and undo restores a deleted highlight', async ({ page, app }) => {
  await highlight(page, 'Battle of Ankara', 'event', 'July 1402')
  const card = cards(page).first()
  await card.hover()
  await card.getByRole('button', { name: 'Edit highlight' }).click()
  // Ctrl+Z inside a text field belongs to the field: the highlight is not undone.
  await card.locator('#tags').press('Control+z')
  await page.waitForTimeout(300)
  expect(await app.api<Annotation[]>('listAnnotations', {})).toHaveLength(1)
  await card.locator('#tags').fill('battle, event')
  await card.locator('#note').fill('Timur defeats Bayezid')
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(card.locator('.chip')).toHaveText(['battle', 'event'])
  await expect(card).toContainText('Timur defeats Bayezid')
  const [edited] = await app.api<Annotation[]>('listAnnotations', {})
  expect(edited.tags).toEqual(['battle', 'event'])
  expect(edited.note).toBe('Timur defeats Bayezid')

  await card.hover()
  await card.getByRole('button', { name: 'Delete highlight' }).click()
  await expect(cards(page)).toHaveCount(0)
  await expect.poll(() => paintedTexts(page)).toEqual([])

  await page.keyboard.press('Control+z')
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).first()).toContainText('Timur defeats Bayezid')
})

test('the keyboard alone selects and highlights a passage', async ({ page, app }) => {
  await page.locator('document-view article').focus()
  // Focus puts a caret at the start of the text (the title); Shift+Right extends it.
  for (let i = 0; i < 'John VII'.length; i++) await page.keyboard.press('Shift+ArrowRight')
  const popover = page.locator('selection-popover')
  await expect(popover.locator('.quote')).toHaveText('“John VII”')
  await page.keyboard.press('Enter')
  await expect(popover.locator('#tag')).toBeFocused()
  await page.keyboard.type('person')
  await page.keyboard.press('Enter')
  await expect(cards(page)).toHaveCount(1)
  const [a] = await app.api<Annotation[]>('listAnnotations', {})
  expect(a.target.exact).toBe('John VII')
  expect(a.tags).toEqual(['person'])
  // Focus came back to the text, the caret after the new highlight; Escape closes the popover
  // without creating anything.
  await expect(page.locator('document-view article')).toBeFocused()
  await page.keyboard.press('Shift+ArrowRight') // the space after “John VII” (trimmed: no passage yet)
  await page.keyboard.press('Shift+ArrowRight')
  await expect(popover.locator('.quote')).toHaveText('“P”')
  await expect(popover).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  expect(await app.api<Annotation[]>('listAnnotations', {})).toHaveLength(1)
  // Moving the caret down line by line scrolls the text along.
  const scroller = page.locator('document-view .scroller')
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0)
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown')
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100)
})

test('double-clicking a word offers to highlight that word', async ({ page, app }) => {
  const [r] = await phraseRects(page, 'Theodora')
  await page.mouse.dblclick(r.left + 10, (r.top + r.bottom) / 2)
  const popover = page.locator('selection-popover')
  await expect(popover.locator('.quote')).toHaveText('“Theodora”')
  await expect(popover.locator('#tag')).toBeFocused()
  await page.keyboard.type('person')
  await page.keyboard.press('Enter')
  await expect(cards(page)).toHaveCount(1)
  const [a] = await app.api<Annotation[]>('listAnnotations', {})
  expect(a.target.exact).toBe('Theodora')
})

test('clicking a highlight in the text selects it in the list', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Keratsa of Bulgaria', tags: ['person'] })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Theodora of Wallachia', tags: ['person'] })
  await expect(cards(page)).toHaveCount(2)
  const [r] = await phraseRects(page, 'Theodora of Wallachia')
  await page.mouse.click((r.left + r.right) / 2, (r.top + r.bottom) / 2)
  await expect(cards(page).filter({ hasText: 'Theodora' })).toHaveAttribute('selected', '')
  await expect(cards(page).filter({ hasText: 'Keratsa' })).not.toHaveAttribute('selected', '')
  await expect.poll(() => specialText(page, 'selected')).toBe('Theodora of Wallachia')
  await expect(page.locator('selection-popover')).toHaveCount(0)
})

test('an imported text with combining marks and an astral character keeps exact code point offsets', async ({ page, app }) => {
  // q + U+0307 has no precomposed form, so it stays two code points after NFC; U+10143 is astral.
  const text = 'Inscriptions\n\nThe siglum q\u0307 and the numeral \u{10143} (fifty) both appear on the stele.\n'
  await page.locator('marginalia-app #import-file').setInputFiles({ name: 'stele.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') })
  await expect(page.locator('document-list')).toContainText('stele')
  const phrase = 'q\u0307 and the numeral \u{10143}'
  await expect(page.locator('document-view article')).toContainText(phrase)
  await highlight(page, phrase, 'sigla', '')
  await expect.poll(() => paintedTexts(page)).toEqual([phrase])
  const docs = await app.api<{ id: string; fileName: string }[]>('listDocuments', {})
  const stele = docs.find((d) => d.fileName === 'stele.txt')!
  const [a] = await app.api<Annotation[]>('listAnnotations', { documentId: stele.id })
  expect(a.target.exact).toBe(phrase)
  const doc = await app.api<{ text: string }>('getDocument', { id: stele.id })
  expect([...doc.text].slice(a.target.start, a.target.end).join('')).toBe(phrase)
  expect(a.target.end - a.target.start).toBe([...phrase].length)
  // A passage after the astral character: UTF-16 offsets would be one too far at both ends here
  // (and the trailing '.' would not be trimmed away as white space would).
  const after = 'appear on the stele'
  await highlight(page, after, 'sigla', '')
  const b = (await app.api<Annotation[]>('listAnnotations', { documentId: stele.id })).find((x) => x.id !== a.id)!
  expect(b.target.exact).toBe(after)
  expect([...doc.text].slice(b.target.start, b.target.end).join('')).toBe(after)
})

test('a file that is not UTF-8 is not imported as it is: the encoding is asked for, and Cancel imports nothing', async ({ page, app }) => {
  const bad = Buffer.from([0x48, 0x69, 0x73, 0x74, 0x6f, 0x72, 0x79, 0x20, 0xff, 0xfe, 0x0a])
  await page.locator('marginalia-app #import-file').setInputFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: bad })
  const dialog = page.locator('import-preview dialog')
  await expect(dialog).toContainText('latin1.txt')
  await expect(dialog).toContainText(/UTF-8/i)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect(await app.api<unknown[]>('listDocuments', {})).toHaveLength(1)
})

test('overlapping highlights are painted as boxes that both show, also without the CSS Highlight API', async ({ page, app }) => {
  await page.addInitScript(() => Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true }))
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I had besieged Constantinople', tags: ['event'] })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'besieged Constantinople for some five years', tags: ['claim'] })
  await page.reload()
  await expect(cards(page)).toHaveCount(2)
  const boxes = page.locator('document-view .overlay .box.hl')
  await expect(boxes).toHaveCount(2)
  const [a, b] = await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
  // Both boxes cover "besieged Constantinople": they overlap horizontally on the same line.
  expect(Math.min(a.right, b.right) - Math.max(a.left, b.left)).toBeGreaterThan(50)
  expect(Math.abs(a.top - b.top)).toBeLessThan(2)
  // Translucent and under the text: the text stays readable, the overlap shows darker than either.
  const alpha = await boxes.first().evaluate((e) => getComputedStyle(e).backgroundColor)
  expect(alpha).toMatch(/^(color\(srgb .* \/ 0\.4\d*\)|rgba\(.*, 0\.4\d*\))$/)
})

test('a tag colour chosen in the legend repaints its highlights', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Selymbria (Silivri)', tags: ['place'] })
  await expect(cards(page)).toHaveCount(1)
  await page.locator('annotation-list .legend input[type=color]').fill('#0055aa')
  await expect.poll(async () => (await app.api<{ id: string; color: string }[]>('listTags', {})).find((t) => t.id === 'place')?.color).toBe('#0055aa')
  // The painted passage now takes the new colour.
  await expect.poll(() => paintedColours(page)).toEqual(['#0055aa'])
  // Undo brings the palette colour back.
  await page.keyboard.press('Control+z')
  await expect.poll(() => paintedColours(page)).not.toContain('#0055aa')
  expect(await paintedColours(page)).toHaveLength(1)
})

test('the list is usable from the keyboard: Enter goes to the passage, Delete removes it', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Battle of Ankara', tags: ['event'] })
  await expect(cards(page)).toHaveCount(1)
  const quote = cards(page).first().locator('button.quote')
  await quote.focus()
  await page.keyboard.press('Enter')
  await expect(quote).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => specialText(page, 'selected')).toBe('Battle of Ankara')
  await quote.focus()
  await page.keyboard.press('Delete')
  await expect(cards(page)).toHaveCount(0)
  expect(await app.api<Annotation[]>('listAnnotations', {})).toHaveLength(0)
})

test('the page refuses inline script', async ({ page }) => {
  // One policy, sent as a header (src/main/security/csp.ts); none in the page.
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'))
  expect(csp).toContain("script-src 'self'")
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(0)
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = true'
    document.body.append(s)
    await new Promise((r) => setTimeout(r, 50))
    return (window as unknown as { __injected?: boolean }).__injected === true
  })
  expect(ran).toBe(false)
})

test('a new version of the text re-anchors highlights and lists the lost ones for review', async ({ page, app }) => {
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Keratsa of Bulgaria', tags: ['person'] })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Theodora of Wallachia', tags: ['person'] })
  await expect(cards(page)).toHaveCount(2)
  // The new version drops Theodora and adds a sentence before Keratsa, so Keratsa moves.
  const v2 = readFileSync(SEED, 'utf8')
    .replace(' and Theodora of Wallachia', '')
    .replace('John VII Palaiologos was the son of', 'Born in 1370, John VII Palaiologos was the son of')
  await page.locator('marginalia-app #reimport-file').setInputFiles({ name: 'john-vii-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(v2, 'utf8') })
  await expect(page.locator('reimport-button [role=status]')).toContainText('1 not found')
  const review = page.locator('annotation-list section.orphans')
  await expect(review).toContainText('Needs review (1)')
  await expect(review.locator('annotation-card')).toHaveText(/Theodora of Wallachia/)
  await expect(page.locator('document-view article')).toContainText('Born in 1370')
  await expect.poll(() => paintedTexts(page)).toEqual(['Keratsa of Bulgaria'])
  // Undo puts the old text and both highlights back.
  await page.keyboard.press('Control+z')
  await expect(review).toHaveCount(0)
  await expect.poll(() => paintedTexts(page)).toEqual(['Keratsa of Bulgaria', 'Theodora of Wallachia'])
})

test('another panel selecting an annotation of another document opens it and flashes the passage', async ({ page, app }) => {
  const other = await app.api<{ id: string }>('importDocument', {
    fileName: 'note.txt',
    contentBase64: Buffer.from('A note\n\nManuel II left John VII as regent in 1399.\n', 'utf8').toString('base64')
  })
  const a = await app.api<Annotation>('annotateQuote', { documentId: other.id, quote: 'regent in 1399', tags: ['event'] })
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  // What the entity or citation panel does when a mention is clicked:
  await page.evaluate((id) => {
    document.querySelector('marginalia-app')!.dispatchEvent(new CustomEvent('annotation-select', { detail: { id }, bubbles: true, composed: true }))
  }, a.id)
  await expect(page.locator('document-view article')).toContainText('Manuel II left John VII')
  await expect(page.locator('document-list button[aria-current=true]')).toContainText('note')
  await expect.poll(() => specialText(page, 'flash')).toBe('regent in 1399')
  await expect(cards(page).first().locator('button.quote')).toHaveAttribute('aria-pressed', 'true')
})

test.describe('an empty project', () => {
  test.use({ seed: false })
  test('says how to start', async ({ page }) => {
    await expect(page.locator('document-list')).toContainText('No documents yet')
    await expect(page.locator('document-view')).toContainText('import one')
    await expect(page.locator('footer')).toContainText('0 documents')
  })
})
