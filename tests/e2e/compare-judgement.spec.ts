/**
 * The compare view's judgement, end to end over the real services: it is shown before the
 * candidates; "not found" is said plainly with what was searched and no passage is chosen for the
 * historian; a "p. 39" locator on a PDF source (made here with pdf-lib, known text per page)
 * searches that page first and shows its passage first; a recorded verdict survives a reload.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { makePdf, type PdfLineSpec } from '../helpers/make-documents'
import { claimCitingSource, reloadToVerify, verifyTab } from './compare-setup'
import { GIBBON_EXCERPT, test, expect } from './fixtures'

// Generous: the timeout covers the fixture's project set-up and server start on a busy machine too.
test.describe.configure({ timeout: 180_000 })

const PRESENT = 'Manuel sailed to Venice to ask the Latin princes for soldiers against the Turks.'
const ABSENT = 'The Wright brothers flew the first powered aeroplane at Kitty Hawk in December 1903.'
const NOTES = `Notes on travel.\n\n${PRESENT}\n\n${ABSENT}\n`

/** Right edge of the text column (points): lines justified to it run on into the next line. */
const R = 523
const para = (lines: string[], y: number): PdfLineSpec[] => lines.map((text, i) => ({ text, x: i ? 72 : 90, y: y + i * 14, ...(i < lines.length - 1 ? { justify: R } : {}) }))
const printedPage = (n: string, lines: string[]): PdfLineSpec[] => [{ text: 'A SHORT CHRONICLE', x: 240, y: 40, size: 9 }, ...para(lines, 100), { text: n, x: 290, y: 800, size: 9 }]
/** Pages printed 38–40. Page 40 repeats the claim's words more closely than page 39, which tells the fuller story. */
const CHRONICLE = [
  printedPage('38', ['This small book tells of the last emperors of Byzantium, of their quarrels', 'with one another and of their long wars against the Ottoman sultans.']),
  printedPage('39', ['In the spring of that year the emperor Manuel sailed from Constantinople', 'to Venice, seeking soldiers and money from the Latin princes against the', 'Turks, and he left his nephew John to guard the city in his absence.']),
  printedPage('40', ['Years later Manuel sailed to Venice once more and asked the Latin princes', 'for soldiers against the Turks; the princes praised him and sent nothing.'])
]

/** Opens the compare view from the Verify tab and waits for the judgement. */
async function openCompare(page: Page) {
  await verifyTab(page)
  await page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' }).click()
  const view = page.locator('compare-view')
  await expect(view.locator('compare-summary h3')).toBeVisible({ timeout: 60_000 })
  return view
}

test('a claim the source lacks shows "not found", what was searched, and no chosen passage; the recorded verdict survives a reload', async ({ page, app }) => {
  const { ann } = await claimCitingSource(app, page, NOTES, ABSENT, { fileName: 'gibbon-vol6-ch64-65.txt', bytes: readFileSync(GIBBON_EXCERPT) })
  const view = await openCompare(page)

  const summary = view.locator('compare-summary')
  await expect(summary.locator('h3')).toContainText('Not found in this source')
  await expect(summary.locator('h3')).toBeFocused() // the keyboard starts at the judgement
  // The view is modal: Tab never reaches the app behind it (only the browser's own UI at the wrap).
  const focusOutside: string[] = []
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab')
    const chain = await page.evaluate(() => {
      const names: string[] = []
      for (let el: Element | null | undefined = document.activeElement; el; el = el.shadowRoot?.activeElement) names.push(el.tagName.toLowerCase())
      return names
    })
    if (!chain.includes('compare-view') && chain.join() !== 'body') focusOutside.push(chain.join(' > '))
  }
  expect(focusOutside).toEqual([])
  await expect(summary.locator('h3')).toContainText(/confidence \d+%/)
  await expect(summary.locator('.reason')).toContainText(/The source uses \d+% of the claim's words/)
  await expect(summary.locator('.searched')).toHaveText(/^Searched all of gibbon-vol6-ch64-65 \(\d+ code points\)\.$/)
  // The judgement comes before the candidates, and none of them is chosen.
  expect(await view.evaluate((el) => {
    const root = el.shadowRoot!
    return root.querySelector('compare-summary')!.compareDocumentPosition(root.querySelector('compare-candidates')!) & Node.DOCUMENT_POSITION_FOLLOWING
  })).toBeTruthy()
  await expect(view.locator('compare-candidates')).toContainText('none proposed')
  await expect(view.locator('compare-candidates button.candidate[aria-pressed="true"]')).toHaveCount(0)
  await expect(view.locator('.source .passage')).toHaveCount(0)
  await expect(view.getByText('No passage chosen.')).toBeVisible()
  // No verdict is chosen either; "Supported" cannot be recorded without a passage.
  await expect(view.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(view.getByRole('button', { name: 'Record verdict' })).toBeDisabled()
  await view.getByRole('radio', { name: 'Supported', exact: true }).check()
  await expect(view.getByText('“Supported” needs a passage')).toBeVisible()
  await expect(view.getByRole('button', { name: 'Record verdict' })).toBeDisabled()

  // Keyboard: the "Not found" radio is reached with the arrow keys, the note typed, Ctrl+Enter
  // records and the focus goes back to the Compare button.
  await view.getByRole('radio', { name: 'Supported', exact: true }).focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
  await expect(view.getByRole('radio', { name: 'Not found' })).toBeChecked()
  await page.keyboard.press('Tab')
  await page.keyboard.type('Nothing on aviation in Gibbon.')
  await page.keyboard.press('Control+Enter')
  await expect(view).toHaveCount(0)
  await expect(page.locator('verify-panel button.compare')).toBeFocused()

  const saved = await app.api<{ citations: { verification?: { status: string; source?: unknown; note: string } }[] }>('getAnnotation', { id: ann.id })
  expect(saved.citations[0].verification).toMatchObject({ status: 'not-found', note: 'Nothing on aviation in Gibbon.' })
  expect(saved.citations[0].verification?.source).toBeUndefined()

  const link = await reloadToVerify(page)
  await expect(link.locator('.verdict')).toHaveText('Not found')
  await expect(link.locator('.note')).toHaveText('Nothing on aviation in Gibbon.')
  await expect(page.locator('document-view .verdict-badge[data-status="not-found"]')).toBeVisible()
})

test('"p. 39" on a PDF source searches that page first, shows its passage first after the judgement, and the confirmed passage is recorded', async ({ page, app }) => {
  const { ann } = await claimCitingSource(app, page, NOTES, PRESENT, { fileName: 'chronicle.pdf', bytes: await makePdf(CHRONICLE) }, 'p. 39')
  const view = await openCompare(page)

  const summary = view.locator('compare-summary')
  await expect(summary.locator('.searched')).toHaveText(/^Searched p\. 39 of chronicle first \(code points \d+–\d+ of \d+\), as the locator “p\. 39” names, then the rest of it\.$/)
  // The candidates: page 39's passage first; passages of other pages only after it, flagged.
  const cands = view.locator('compare-candidates button.candidate')
  await expect(cands.first().locator('.page')).toHaveText('p. 39')
  await expect(cands.first().locator('.excerpt')).toContainText('In the spring of that year the emperor Manuel sailed from Constantinople to Venice')
  await expect(cands.first().locator('.outside')).toHaveCount(0)
  const pages = await cands.locator('.page').allTextContents()
  const outside = await cands.evaluateAll((bs) => bs.map((b) => !!b.querySelector('.outside')))
  for (const [i, p] of pages.entries()) expect(outside[i]).toBe(p !== 'p. 39')
  expect(pages.slice(1)).toContain('p. 40')

  // What the judgement said decides whether the first candidate is proposed; nothing else is.
  const verdict = (await summary.locator('h3').textContent()) ?? ''
  const proposed = verdict.includes('A supporting passage seems to be in this source')
  await expect(view.locator('compare-candidates button.candidate[aria-pressed="true"]')).toHaveCount(proposed ? 1 : 0)
  if (proposed) await expect(cands.first()).toHaveAttribute('aria-pressed', 'true')

  // Keyboard: reach the first candidate, move down and back up with the arrows, pick it with Enter.
  await cands.nth(1).focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(cands.first()).toHaveAttribute('aria-pressed', 'true')
  await expect(view.locator('.info .chosen-passage')).toContainText('Candidate 1, p. 39')
  const passage = (await view.locator('.source .passage').allTextContents()).join('')
  expect(passage).toContain('Latin princes against the Turks, and he left his nephew John')
  await expect(view.locator('.source .passage.term').first()).toBeVisible()

  await view.getByRole('radio', { name: 'Supported', exact: true }).check()
  await view.getByLabel('Note').fill('Chronicle p. 39.')
  await view.getByRole('button', { name: 'Record verdict' }).click()
  await expect(view).toHaveCount(0)

  const link = await reloadToVerify(page)
  await expect(link.locator('.verdict')).toHaveText('Supported')
  await expect(link.locator('.recorded-passage')).toContainText('emperor Manuel sailed from Constantinople to Venice')
  const saved = await app.api<{ citations: { verification?: { status: string; source?: { exact: string } } }[] }>('getAnnotation', { id: ann.id })
  expect(saved.citations[0].verification?.status).toBe('supported')
  expect(saved.citations[0].verification?.source?.exact.replace(/\s+/g, ' ')).toBe(passage.replace(/\s+/g, ' '))
})
