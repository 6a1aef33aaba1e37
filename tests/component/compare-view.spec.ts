/**
 * `<compare-view>` alone, with a fake model: the source is indexed as a job (progress, cancel),
 * candidates are stepped through with the claim and passage marked, a passage chosen by hand, and
 * the verdict written once with the source passage's code points.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const CLAIM_TEXT = 'Intro.\n\nManuel II left John VII as regent to defend the capital.\n'
const SOURCE_TEXT = 'Chapter one. '.repeat(50) + 'Manuel resolved that he should leave his blind competitor on the throne. ' + 'Filler. '.repeat(50) + 'Another passage about the capital and its defence. ' + 'End.'

async function mountCompare(page: Page, steps = 1) {
  await page.evaluate(({ CLAIM_TEXT, SOURCE_TEXT, steps }) => {
    const h = window.harness
    const cp = (s: string, sub: string) => [...s.slice(0, s.indexOf(sub))].length
    const claimStart = cp(CLAIM_TEXT, 'Manuel II')
    const claimEnd = claimStart + [...'Manuel II left John VII as regent to defend the capital.'].length
    const candidate = (phrase: string, score: number) => {
      const start = cp(SOURCE_TEXT, phrase)
      return { start, end: start + [...phrase].length, exact: phrase, score, coverage: 0.5, discrepancies: [],
        matched: [{ label: 'Manuel', how: 'word', claim: [{ start: claimStart, end: claimStart + 6 }], source: [{ start, end: start + 6, text: 'Manuel' }] }] }
    }
    const comparison = {
      sourceDocumentId: 'src1', annotationId: 'a0', citationId: 'c1', claim: 'Manuel II left John VII as regent to defend the capital.',
      claimDocumentId: 'doc1', claimStart, claimEnd,
      candidates: [candidate('Manuel resolved that he should leave his blind competitor on the throne.', 9.5), candidate('Another passage about the capital and its defence.', 4.1)]
    }
    const doc = (id: string, text: string, title: string) => ({ ...h.documentOf(text, [], title), id })
    h.mount('compare-view', { annotationId: 'a0', citationId: 'c1' }, {
      jobs: { indexSource: { result: { documentId: 'src1', sentences: 120, terms: 400, chapters: [], cached: false }, steps } },
      comparison,
      texts: { doc1: doc('doc1', CLAIM_TEXT, 'Note'), src1: doc('src1', SOURCE_TEXT, 'Gibbon, vol. 6') },
      results: { verifyClaim: (args: object) => ({ id: 'a0', ...args }) }
    }, (m: { citations: Map<string, unknown> }) => m.citations.set('c1', { id: 'c1', label: 'Gibbon', citedBy: 1, sourceDocumentId: 'src1', item: { id: 'c1', type: 'book' } }))
  }, { CLAIM_TEXT, SOURCE_TEXT, steps })
}

test('steps through the candidates and records a verdict with a passage chosen by hand', async ({ harness: page }) => {
  await mountCompare(page)
  const view = page.locator('compare-view')
  await expect(view.locator('.counter')).toContainText('Candidate 1 of 2')
  await expect.poll(async () => (await view.locator('.left .claim').allTextContents()).join('')).toBe('Manuel II left John VII as regent to defend the capital.')
  await expect(view.locator('.source .passage').first()).toBeVisible()
  expect((await view.locator('.source .passage').allTextContents()).join('')).toBe('Manuel resolved that he should leave his blind competitor on the throne.')
  await view.getByRole('button', { name: 'Next candidate' }).click()
  await expect(view.locator('.counter')).toContainText('Candidate 2 of 2')
  await view.getByRole('button', { name: 'Previous candidate' }).click()
  // Select a clause of the source by hand and use it.
  const rects = await view.locator('.source').evaluate((pane) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('leave his blind competitor')
      if (at < 0) continue
      const r = document.createRange()
      r.setStart(n, at)
      r.setEnd(n, at + 'leave his blind competitor'.length)
      const b = r.getBoundingClientRect()
      return { left: b.left, right: b.right, y: (b.top + b.bottom) / 2 }
    }
    throw new Error('phrase not shown')
  })
  await page.mouse.move(rects.left + 1, rects.y)
  await page.mouse.down()
  await page.mouse.move(rects.right - 1, rects.y, { steps: 4 })
  await page.mouse.up()
  await view.getByRole('button', { name: 'Use selected passage' }).click()
  await expect(view.locator('.source .passage')).toHaveText('leave his blind competitor')
  await view.getByRole('button', { name: 'Supported', exact: true }).click()
  await view.getByLabel('Note').fill('Gibbon ch. LXIV')
  await view.getByRole('button', { name: 'Record verdict' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toContain('compare-close')
  const calls = await page.evaluate(() => window.harness.model.calls)
  const start = [...SOURCE_TEXT.slice(0, SOURCE_TEXT.indexOf('leave his blind competitor'))].length
  expect(calls.map((c: { method: string }) => c.method)).toEqual(['job:indexSource', 'compareClaim', 'verifyClaim'])
  expect(calls[2].args).toEqual({ annotationId: 'a0', citationId: 'c1', status: 'supported', sourceDocumentId: 'src1', sourceStart: start, sourceEnd: start + 26, note: 'Gibbon ch. LXIV' })
})

test('indexing a large source shows progress and can be cancelled', async ({ harness: page }) => {
  await mountCompare(page, 200)
  const view = page.locator('compare-view')
  await expect(view.locator('.indexing')).toContainText(/Indexing the source \(once\)… \d+%/)
  await view.locator('header').getByRole('button', { name: 'Cancel' }).click()
  await expect.poll(() => page.evaluate(() => window.harness.events.map((e: { type: string }) => e.type))).toContain('compare-close')
  const calls = await page.evaluate(() => window.harness.model.calls.map((c: { method: string }) => c.method))
  expect(calls).toEqual(['job:indexSource'])
})
