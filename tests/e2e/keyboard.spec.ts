/**
 * Keyboard only, end to end over HTTP with the real services: from the opened document to a
 * tagged highlight linked to a new entity and citing a bibliography item with a locator, and back
 * to the text; focus comes home to the text caret after the highlight is made (not to <body>);
 * PageDown/PageUp move the caret; Escape in the side panel returns to the text; every overlay is a
 * real modal (Tab stays inside, Escape closes it from anywhere, focus returns to its opener).
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { GIBBON_EXCERPT, test, expect } from './fixtures'

test.use({ seed: true })
// The machine is shared: a project, an import and a server start can take tens of seconds.
test.describe.configure({ timeout: 240_000 })

/** Describes the focused element, looking through shadow roots: `tag#id.class` and its host chain. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const chain: string[] = []
    let el = document.activeElement as HTMLElement | null
    while (el) {
      const name = el.getAttribute('name')
      chain.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}${name ? `[name=${name}]` : ''}`)
      el = (el.shadowRoot?.activeElement as HTMLElement | null) ?? null
    }
    return chain.join(' > ')
  })
}

/** Presses Tab until the focused element's description matches `pattern`; returns how many presses. */
async function tabTo(page: Page, pattern: RegExp, max = 40, key = 'Tab'): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key)
    if (pattern.test(await focused(page))) return i
  }
  throw new Error(`${pattern} not reached in ${max} presses of ${key}; focus is on ${await focused(page)}`)
}

/** Code points from the start of the text to the caret (the selection's focus), in the document view. */
function caretOffset(page: Page): Promise<number> {
  return page.evaluate(() => {
    const view = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('document-view')!
    const root = view.shadowRoot!
    const sel = window.getSelection() as Selection & { getComposedRanges?(o: { shadowRoots: ShadowRoot[] }): StaticRange[] }
    const r = sel.getComposedRanges!({ shadowRoots: [root] })[0]
    const text = root.querySelector('.text')!
    const range = document.createRange()
    range.setStart(text, 0)
    range.setEnd(r.endContainer, r.endOffset)
    return [...range.toString()].length
  })
}

const TEXT = /document-view > article\.page/

/**
 * Tabs into the text (a caret at its start), selects the first three words with Ctrl+Shift+→ and
 * presses Enter: the popover's form has focus. Returns the popover.
 */
async function selectTitleByKeyboard(page: Page) {
  await tabTo(page, TEXT)
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight')
  const popover = page.locator('selection-popover')
  await expect(popover.locator('.quote')).toHaveText('“John VII Palaiologos”')
  await page.keyboard.press('Enter')
  return popover
}

test('annotate, link a new entity and cite an item by keyboard alone, then back to the text', async ({ page, app }) => {
  await app.api('createCitation', { item: { type: 'book', title: 'Byzantium and the Ottomans', author: [{ family: 'Zachariadou', given: 'Elizabeth' }], issued: { 'date-parts': [[1977]] } } })
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })

  const popover = await selectTitleByKeyboard(page)
  await expect(popover.locator('#tag')).toBeFocused()
  await page.keyboard.type('person')
  await tabTo(page, /citation-picker > input#q/)
  await page.keyboard.type('Zachariadou')
  await page.keyboard.press('Enter')
  await expect(popover.locator('citation-picker #q')).toHaveValue(/Zachariadou/)
  await page.keyboard.press('Tab')
  expect(await focused(page)).toMatch(/citation-picker > input\.loc/)
  await page.keyboard.type('p. 339')
  await tabTo(page, /entity-picker > input#q/)
  await page.keyboard.type('John VII')
  await page.keyboard.press('Enter') // no such entity yet: the last option creates it
  expect(await focused(page)).toMatch(/entity-picker > select#new-type/)
  await page.keyboard.press('Tab')
  await page.keyboard.type('Q37083')
  await page.keyboard.press('Enter') // creates and links the entity
  await expect(popover.locator('entity-picker .chips')).toContainText('John VII')
  expect(await focused(page)).toMatch(/entity-picker > input#q/)
  await page.keyboard.press('Enter') // nothing typed: Enter makes the highlight
  await expect(popover).toHaveCount(0)

  // Focus came home to the text, the caret after the new highlight (not <body>).
  await expect.poll(() => focused(page)).toMatch(TEXT)
  const after = await caretOffset(page)
  expect(after).toBeGreaterThanOrEqual('John VII Palaiologos'.length)

  // The card shows the entity with its type and the citation with its locator.
  const card = page.locator('annotation-list annotation-card').first()
  await expect(card.locator('entity-links')).toContainText('Person')
  await expect(card.locator('entity-links')).toContainText('John VII')
  await expect(card.locator('citation-links')).toContainText('Zachariadou')
  await expect(card.locator('citation-links')).toContainText('p. 339')
  const [saved] = await app.api<{ tags: string[]; entityIds: string[]; citations: { locator?: string }[] }[]>('listAnnotations', { documentId: app.seedId })
  expect(saved.tags).toEqual(['person'])
  expect(saved.entityIds).toHaveLength(1)
  expect(saved.citations.map((c) => c.locator)).toEqual(['p. 339'])

  // PageDown moves the caret a screenful on, PageUp back.
  await page.keyboard.press('PageDown')
  const down = await caretOffset(page)
  expect(down).toBeGreaterThan(after + 200)
  await page.keyboard.press('PageUp')
  expect(await caretOffset(page)).toBeLessThan(down)

  // To the card, open its passage, and Escape back to the text at the highlight's start.
  await tabTo(page, /annotation-card > button\.quote/)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect.poll(() => focused(page)).toMatch(TEXT)
  expect(await caretOffset(page)).toBeLessThan(after)
})

test('Export and Compare are real modals: Tab stays inside, Escape closes, focus returns', async ({ page, app }) => {
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  // Export…: opened from its button by keyboard.
  await page.locator('marginalia-app header button', { hasText: 'Export…' }).focus()
  await page.keyboard.press('Enter')
  const exportDialog = page.locator('export-dialog dialog')
  await expect(exportDialog).toBeVisible()
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^marginalia-app > export-dialog > /)
  }
  await page.keyboard.press('Escape')
  await expect(exportDialog).toHaveCount(0)
  expect(await focused(page)).toMatch(/marginalia-app > button$/)

  // Compare: a highlight citing an item whose source is the Gibbon excerpt.
  const source = await app.api<{ id: string }>('importDocument', { fileName: 'gibbon.txt', contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64'), role: 'source' })
  const item = await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'The History of the Decline and Fall', author: [{ family: 'Gibbon', given: 'Edward' }] }, sourceDocumentId: source.id })
  const { text } = await app.api<{ text: string }>('getDocument', { id: app.seedId })
  const quote = 'Byzantine Emperor for five months in 1390'
  const start = [...text.slice(0, text.indexOf(quote))].length
  const ann = await app.api<{ id: string }>('createAnnotation', { documentId: app.seedId, start, end: start + quote.length, tags: [], note: '', citations: [{ citationId: item.id }] })
  const card = page.locator('annotation-list annotation-card').first()
  await expect(card).toContainText(quote)
  await card.locator('button.quote').focus()
  await page.keyboard.press('Enter')
  await page.getByRole('tab', { name: 'Verify' }).focus()
  await page.keyboard.press('Enter')
  const compareButton = page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' })
  await compareButton.focus()
  await page.keyboard.press('Enter')
  const sheet = page.locator('compare-view .sheet')
  await expect(sheet).toBeVisible()
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab')
    expect(await focused(page)).toMatch(/compare-view > /)
  }
  // Escape closes it from the page behind too (focus moved out by a script, as a click would).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Escape')
  await expect(sheet).toHaveCount(0)
  await expect(compareButton).toBeFocused()
  expect(ann.id).toBeTruthy()
})

test('a new bibliography item from what was typed in the picker, with its language, by keyboard', async ({ page, app }) => {
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos', { timeout: 30_000 })
  const popover = await selectTitleByKeyboard(page)
  await tabTo(page, /citation-picker > input#q/)
  await page.keyboard.type('Geschichte des byzantinischen Staates')
  await page.keyboard.press('Enter') // no such item: a new one, titled as typed
  const form = popover.locator('citation-picker citation-form')
  await expect(form.locator('input[name=title]')).toBeFocused()
  await expect(form.locator('input[name=title]')).toHaveValue('Geschichte des byzantinischen Staates')
  await tabTo(page, /textarea\[name=author\]/, 10, 'Shift+Tab')
  await page.keyboard.type('Ostrogorsky, Georg')
  await tabTo(page, /input\[name=language\]/, 20)
  await page.keyboard.type('de')
  await page.keyboard.press('Enter') // creates the item (the highlight is not made yet)
  await expect(form).toHaveCount(0)
  await expect(popover).toHaveCount(1)
  expect(await focused(page)).toMatch(/citation-picker > input\.loc/)
  await page.keyboard.type('S. 12')
  await page.keyboard.press('Enter') // makes the highlight
  await expect(popover).toHaveCount(0)

  const items = await app.api<{ id: string; item: { title?: string; language?: string; author?: { family?: string }[] } }[]>('listCitations')
  const made = items.find((c) => c.item.title === 'Geschichte des byzantinischen Staates')
  expect(made?.item.language).toBe('de')
  expect(made?.item.author?.[0]?.family).toBe('Ostrogorsky')
  const [saved] = await app.api<{ citations: { citationId: string; locator?: string }[] }[]>('listAnnotations', { documentId: app.seedId })
  expect(saved.citations).toEqual([expect.objectContaining({ citationId: made!.id, locator: 'S. 12' })])
})
