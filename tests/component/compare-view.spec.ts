/**
 * `<compare-view>` alone, with a fake model: the comparison runs as a job (progress, cancel); the
 * judgement is shown before the candidates; no candidate is chosen unless the judgement found one
 * and no verdict is preselected; differing values are marked on both sides; a passage chosen by
 * hand is checked through the model; the verdict is written once with the passage's code points.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const CLAIM = 'Manuel II left John VII as regent to defend the capital in 1399.'
const CLAIM_TEXT = `Intro.\n\n${CLAIM}\n`
const FIRST = 'Manuel resolved in 1400 that he should leave his blind competitor on the throne.'
const SECOND = 'Another passage about the capital and its defence.'
const SOURCE_TEXT = 'Chapter one. '.repeat(50) + FIRST + ' ' + 'Filler. '.repeat(50) + SECOND + ' End.'

interface Options {
  verdict?: 'supported-passage-found' | 'related-passages-only' | 'not-found'
  steps?: number
  /** Give the comparison a cited region (the source's first 300 code points, "p. 39"). */
  cited?: boolean
}

async function mountCompare(page: Page, opts: Options = {}) {
  await page.evaluate(({ CLAIM, CLAIM_TEXT, SOURCE_TEXT, FIRST, SECOND, opts }) => {
    const h = window.harness
    const cp = (s: string, sub: string) => [...s.slice(0, s.indexOf(sub))].length
    const claimStart = cp(CLAIM_TEXT, CLAIM)
    const claimEnd = claimStart + [...CLAIM].length
    const candidate = (phrase: string, score: number, discrepancies: object[]) => {
      const start = cp(SOURCE_TEXT, phrase)
      return { start, end: start + [...phrase].length, exact: phrase, score, coverage: 0.5, discrepancies,
        matched: [{ label: 'Manuel', how: 'word', claim: [{ start: claimStart, end: claimStart + 6 }], source: [{ start, end: start + 6, text: 'Manuel' }] }] }
    }
    const verdict = opts.verdict ?? 'related-passages-only'
    const comparison = {
      sourceDocumentId: 'src1', annotationId: 'a0', citationId: 'c1', claim: CLAIM, claimDocumentId: 'doc1', claimStart, claimEnd,
      judgement: { verdict, confidence: 0.62, pFound: 0.3, pAbsent: 0.2, features: { coverage: 0.5, nameCoverage: 0.5, presence: 0.8, margin: 0.2, strength: 0.4, namePresence: 1, absentTerms: 0 } },
      parts: { who: ['Manuel II', 'John VII'], what: ['left'], when: ['1399'], where: [], howMany: [] },
      ...(opts.cited ? { locator: 'p. 39', narrowedTo: { start: 0, end: 300, label: 'p. 39' }, citedRegion: { ranges: [{ start: 0, end: 300, label: 'p. 39' }], unresolved: [] } } : {}),
      candidates: [
        candidate(FIRST, 9.5, [{ kind: 'date', claim: '1399', source: '1400', variant: false }]),
        candidate(SECOND, 4.1, [])
      ]
    }
    const doc = (id: string, text: string, title: string) => ({ ...h.documentOf(text, [], title), id })
    h.mount('compare-view', { annotationId: 'a0', citationId: 'c1' }, {
      jobs: { compareClaim: { result: comparison, steps: opts.steps ?? 1 } },
      texts: { doc1: doc('doc1', CLAIM_TEXT, 'Note'), src1: doc('src1', SOURCE_TEXT, 'Gibbon, vol. 6') },
      results: {
        verifyClaim: (args: object) => ({ id: 'a0', ...args }),
        checkPassage: (args: { start: number; end: number }) => ({ sourceDocumentId: 'src1', ...args, exact: [...SOURCE_TEXT].slice(args.start, args.end).join(''), discrepancies: [{ kind: 'name', claim: 'John VII', source: '', variant: false }] })
      }
    }, (m: { citations: Map<string, unknown> }) => m.citations.set('c1', { id: 'c1', label: 'Gibbon', citedBy: 1, sourceDocumentId: 'src1', item: { id: 'c1', type: 'book' } }))
  }, { CLAIM, CLAIM_TEXT, SOURCE_TEXT, FIRST, SECOND, opts })
}

const calls = (page: Page) => page.evaluate(() => window.harness.model.calls as { method: string; args: Record<string, unknown> }[])

/** Selects `phrase` in the source pane with the mouse. */
async function selectInSource(page: Page, phrase: string) {
  const r = await page.locator('compare-view .source').evaluate((pane, phrase) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase)
      if (at < 0) continue
      ;(n as Text).parentElement!.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.setStart(n, at)
      range.setEnd(n, at + phrase.length)
      const b = range.getBoundingClientRect()
      return { left: b.left, right: b.right, y: (b.top + b.bottom) / 2 }
    }
    throw new Error('phrase not shown')
  }, phrase)
  await page.mouse.move(r.left + 1, r.y)
  await page.mouse.down()
  await page.mouse.move(r.right - 1, r.y, { steps: 4 })
  await page.mouse.up()
}

test('related passages only: the judgement first, nothing chosen, no verdict preselected; a passage chosen by hand is checked and recorded', async ({ harness: page }) => {
  await mountCompare(page)
  const view = page.locator('compare-view')
  await expect(view.locator('compare-summary h3')).toHaveText(/Only related passages found\s+— confidence 62%/)
  await expect(view.locator('compare-summary .parts')).toContainText('WhoManuel II, John VII')
  await expect(view.locator('compare-candidates button.candidate')).toHaveCount(2)
  await expect(view.locator('compare-candidates button[aria-pressed="true"]')).toHaveCount(0)
  await expect(view.locator('.source .passage')).toHaveCount(0)
  await expect(view.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(view.getByRole('button', { name: 'Record verdict' })).toBeDisabled()

  // Pick the second candidate: it is shown and marked, with no differences.
  await view.locator('compare-candidates button.candidate').nth(1).click()
  await expect(view.locator('.source .passage').first()).toBeVisible()
  expect((await view.locator('.source .passage').allTextContents()).join('')).toBe(SECOND)
  await expect(view.locator('.discrepancies-none')).toBeVisible()

  // Select a clause by hand: checked through the model, its discrepancies shown before recording.
  await selectInSource(page, 'leave his blind competitor')
  await view.getByRole('button', { name: 'Use selected passage' }).click()
  await expect(view.locator('.source .passage')).toHaveText('leave his blind competitor')
  await expect(view.locator('compare-candidates button[aria-pressed="true"]')).toHaveCount(0)
  await expect(view.locator('.discrepancies')).toHaveText('name: claim “John VII” ≠ source (not in the passage)')
  await expect(view.locator('.left .differs')).toHaveText('John VII')

  await view.getByRole('radio', { name: 'Supported', exact: true }).check()
  await view.getByLabel('Note').fill('Gibbon ch. LXIV')
  await view.getByRole('button', { name: 'Record verdict' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toContain('compare-close')
  const made = await calls(page)
  const start = [...SOURCE_TEXT.slice(0, SOURCE_TEXT.indexOf('leave his blind competitor'))].length
  expect(made.map((c) => c.method)).toEqual(['job:compareClaim', 'checkPassage', 'verifyClaim'])
  expect(made[1].args).toEqual({ annotationId: 'a0', sourceDocumentId: 'src1', start, end: start + 26 })
  expect(made[2].args).toEqual({ annotationId: 'a0', citationId: 'c1', status: 'supported', sourceDocumentId: 'src1', sourceStart: start, sourceEnd: start + 26, note: 'Gibbon ch. LXIV' })
})

test('a found passage is proposed, with the differing date marked on both sides', async ({ harness: page }) => {
  await mountCompare(page, { verdict: 'supported-passage-found' })
  const view = page.locator('compare-view')
  await expect(view.locator('compare-summary h3')).toContainText('A supporting passage seems to be in this source')
  await expect(view.locator('compare-candidates button.candidate').first()).toHaveAttribute('aria-pressed', 'true')
  await expect(view.locator('compare-candidates button.candidate').first().locator('.chosen')).toHaveText('proposed')
  expect((await view.locator('.source .passage').allTextContents()).join('')).toBe(FIRST)
  await expect(view.locator('.discrepancies')).toHaveText('date: claim “1399” ≠ source “1400”')
  await expect(view.locator('.left .differs')).toHaveText('1399')
  await expect(view.locator('.source .differs')).toHaveText('1400')
  // Still no verdict chosen for the historian.
  await expect(view.getByRole('radio', { checked: true })).toHaveCount(0)
  // The keyboard starts at the judgement; Escape closes.
  await expect(view.locator('compare-summary h3')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toContain('compare-close')
})

test('not found with a locator: said plainly with the cited region searched; nothing chosen, the region shown to select from', async ({ harness: page }) => {
  await mountCompare(page, { verdict: 'not-found', cited: true })
  const view = page.locator('compare-view')
  await expect(view.locator('compare-summary h3')).toContainText('Not found in this source')
  await expect(view.locator('compare-summary .searched')).toHaveText(`Searched p. 39 of Gibbon, vol. 6 first (code points 0–300 of ${[...SOURCE_TEXT].length}), as the locator “p. 39” names, then the rest of it.`)
  await expect(view.locator('compare-candidates button[aria-pressed="true"]')).toHaveCount(0)
  await expect(view.locator('.source .passage')).toHaveCount(0)
  await expect(view.locator('.source')).toContainText('The cited region, p. 39:')
  expect((await view.locator('.source .cited').allTextContents()).join('')).toBe([...SOURCE_TEXT].slice(0, 300).join(''))
  // A candidate outside the cited region is shown with the region still tinted around it, the passage not.
  await view.locator('compare-candidates button.candidate').first().click()
  expect((await view.locator('.source .passage').allTextContents()).join('')).toBe(FIRST)
  await expect(view.locator('.source .passage.cited')).toHaveCount(0)
  expect((await view.locator('.source .cited').allTextContents()).join('')).toBe([...SOURCE_TEXT].slice(0, 300).join(''))
  // "Not found" records no passage, even with one chosen.
  await view.getByRole('radio', { name: 'Not found' }).check()
  await view.getByRole('button', { name: 'Record verdict' }).click()
  await expect.poll(async () => (await calls(page)).map((c) => c.method)).toEqual(['job:compareClaim', 'verifyClaim'])
  expect((await calls(page))[1].args).toEqual({ annotationId: 'a0', citationId: 'c1', status: 'not-found', sourceDocumentId: 'src1', sourceStart: undefined, sourceEnd: undefined, note: '' })
})

test('comparing against a large source shows progress and can be cancelled', async ({ harness: page }) => {
  await mountCompare(page, { steps: 200 })
  const view = page.locator('compare-view')
  await expect(view.locator('.indexing')).toContainText(/Indexing the source \(once\)… \d+%/)
  await expect(view.locator('compare-summary')).toHaveCount(0)
  await view.locator('.progress').getByRole('button', { name: 'Cancel' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toContain('compare-close')
  expect((await calls(page)).map((c) => c.method)).toEqual(['job:compareClaim'])
})
