/**
 * Cross-document search on a real book (issue 14, "How it is checked"): a project holding the seed
 * article and the WHOLE of Gibbon vol. 6 (Project Gutenberg #895, 1.4 M code points, imported
 * through the services as the UI does). Ctrl+Shift+F for `palaeologus` lists hits in both documents
 * with the counts a historian would get by reading the texts — computed here independently of the
 * app's folding table — and a hit deep in vol. 6 opens its passage in the document view.
 *
 * One test, so the book is imported once for this file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { test, expect, SEED } from './fixtures'
import { marked } from './corpus-helpers'
import { ON_CI } from './on-ci'
import { corpusPath } from '../helpers/corpus'

// Generous: the project set-up, a 1.4 MB import and the first search (which indexes the book) on a busy machine.
test.describe.configure({ timeout: 240_000 })
test.use({ seed: true })

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const QUERY = 'palaeologus'

/**
 * The Gutenberg Gibbon's accented letters are Latin-1 bytes that were read as Mac Roman ("PalÊologus"
 * for "Palæologus"). Undone here with the WHATWG `macintosh` decoder's own table (not the app's):
 * each Mac Roman character maps back to the Latin-1 byte it was decoded from.
 */
const MAC_ROMAN_TO_LATIN1 = new Map<string, string>()
const macRoman = new TextDecoder('macintosh')
for (let b = 0x80; b <= 0xff; b++) MAC_ROMAN_TO_LATIN1.set(macRoman.decode(Uint8Array.of(b)), String.fromCharCode(b))

/** A word as the search promises to compare it: case, diacritics and the æ/œ ligatures ignored. */
function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/æ/g, 'ae').replace(/œ/g, 'oe')
}

/** How often `query` occurs as a whole word of `text`; `damaged`: undo the Mac Roman damage of lower-case words first. */
function occurrences(text: string, query: string, damaged: boolean): number {
  const want = fold(query)
  const words = text.match(/[\p{L}\p{M}]+/gu) ?? []
  return words.filter((w) => fold(damaged && /[a-z]/.test(w) ? [...w].map((c) => MAC_ROMAN_TO_LATIN1.get(c) ?? c).join('') : w) === want).length
}

test.skip((!existsSync(GIBBON)) && !ON_CI, 'needs ../shared/corpus (Gibbon vol. 6)')

test('a project search over the seed and the whole of Gibbon vol. 6 lists both with their counts, and a vol. 6 hit opens its passage', async ({ page, app }) => {
  const seedCount = occurrences(readFileSync(SEED, 'utf8'), QUERY, false)
  const gibbonCount = occurrences(readFileSync(GIBBON, 'utf8'), QUERY, true)
  // The texts hold the name in both documents (the seed's "Palaeologus", Gibbon's "Palæologus"): the check can fail.
  expect(seedCount).toBeGreaterThan(0)
  expect(gibbonCount).toBeGreaterThan(seedCount)

  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  const gibbon = await app.api<{ id: string; title: string }>('importDocument', {
    fileName: 'gibbon-decline-and-fall-vol6-pg895.txt',
    contentBase64: readFileSync(GIBBON).toString('base64')
  })
  await expect(page.locator('document-list button.doc', { hasText: 'Decline and Fall' })).toBeVisible({ timeout: 30_000 })

  await page.keyboard.press('Control+Shift+F')
  const input = page.getByRole('searchbox', { name: 'Search the project' })
  await expect(input).toBeFocused()
  await input.fill(QUERY)
  await input.press('Enter')
  const search = page.locator('corpus-search')
  // The first search indexes the book.
  await expect(search.locator('.summary')).toContainText(`${seedCount + gibbonCount} hits in 2 of 2 documents`, { timeout: 120_000 })
  const inGibbon = search.locator(`section.document[data-document-id="${gibbon.id}"]`)
  const inSeed = search.locator(`section.document[data-document-id="${app.seedId}"]`)
  await expect(inGibbon.locator('h2')).toContainText(gibbon.title)
  await expect(inGibbon.locator('.count')).toHaveText(String(gibbonCount))
  await expect(inGibbon.locator('button.hit')).toHaveCount(gibbonCount)
  await expect(inSeed.locator('h2')).toContainText('John VII Palaiologos')
  await expect(inSeed.locator('.count')).toHaveText(String(seedCount))
  await expect(inSeed.locator('button.hit')).toHaveCount(seedCount)
  // Each hit is the word as written: Gibbon's damaged "PalÊologus", the seed's "Palaeologus".
  expect(new Set(await inGibbon.locator('button.hit mark').allTextContents())).toEqual(new Set(['PalÊologus']))
  expect(new Set(await inSeed.locator('button.hit mark').allTextContents())).toEqual(new Set(['Palaeologus']))

  // The last hit of vol. 6 (far down the book) opens there: the word marked, its passage on screen.
  const last = inGibbon.locator('button.hit').last()
  const after = await last.evaluate((b) => {
    let s = ''
    // Text nodes only: Lit's template markers are comments.
    for (let n = b.querySelector('mark')!.nextSibling; n; n = n.nextSibling) if (n.nodeType === Node.TEXT_NODE) s += n.textContent ?? ''
    return s
  })
  const passage = `PalÊologus${after.split('\n')[0].replace(/…\s*$/, '')}`.trim()
  expect(passage.length).toBeGreaterThan('PalÊologus'.length + 10)
  await last.click()
  await expect(page.locator('corpus-view')).toHaveCount(0)
  await expect(page.locator('document-view h1')).toContainText('Decline and Fall')
  await expect.poll(() => marked(page, 'hit-current')).toBe('PalÊologus')
  await expect(page.locator('document-view .overlay .box.hit-current').first()).toBeInViewport()
  await expect(page.locator('document-view article').getByText(passage).first()).toBeInViewport()
})
