/**
 * Compare end to end: highlight a seed sentence citing Gibbon, attach Gibbon vol. 6 as the item's
 * source in the Verify tab, open the side-by-side compare view, find the supporting passage among
 * the candidates, record "supported", reload: the verdict badge is on the highlight.
 */
import { existsSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { dragAcross, dragSelect } from './select'
import { ON_CI } from './on-ci'
import { corpusPath } from '../helpers/corpus'

// Generous: the timeout covers the fixture's project set-up and server start on a busy machine too.
test.describe.configure({ timeout: 180_000 })

test.use({ seed: true })

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const CLAIM = 'Manuel II left to ask for military aid in Western Europe and left John VII as regent to defend the capital.'
const SUPPORT = 'he should leave his blind competitor on the throne'

/** Selects `phrase` in the compare view's source pane (it may cross the spans of marked terms). */
async function dragSelectInSource(page: Page, phrase: string) {
  const rects = await page.evaluate((phrase) => {
    const view = document.querySelector('marginalia-app')!.shadowRoot!.querySelector('verify-panel')!.shadowRoot!.querySelector('compare-view')!.shadowRoot!
    const pane = view.querySelector('.source')!
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    const all = nodes.map((n) => n.data).join('')
    const at = all.indexOf(phrase)
    if (at < 0) throw new Error(`phrase not in the source pane: ${phrase}`)
    const locate = (offset: number): [Text, number] => {
      let seen = 0
      for (const n of nodes) {
        if (offset <= seen + n.data.length) return [n, offset - seen]
        seen += n.data.length
      }
      throw new Error('offset outside the pane')
    }
    const range = document.createRange()
    range.setStart(...locate(at))
    range.setEnd(...locate(at + phrase.length))
    return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }))
  }, phrase)
  await dragAcross(page, rects)
}

test.skip((!existsSync(GIBBON)) && !ON_CI, 'needs ../shared/corpus (Gibbon vol. 6)')

test('check a claim against Gibbon side by side and record a verdict that shows as a badge', async ({ page, app }) => {
  const item = await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'The History of the Decline and Fall of the Roman Empire, vol. 6', author: [{ family: 'Gibbon', given: 'Edward' }] } })
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')

  // Highlight the claim, citing the item at ch. LXIV.
  await dragSelect(page, CLAIM)
  const popover = page.locator('selection-popover')
  await expect(popover).toBeVisible()
  const picker = popover.locator('citation-picker')
  await picker.locator('input.q').fill('gibbon')
  await picker.locator(`li[data-citation-id="${item.id}"]`).click()
  await picker.locator('input.loc').fill('ch. LXIV')
  await popover.getByRole('button', { name: 'Highlight' }).click()
  await expect(popover).toHaveCount(0)

  // Attach Gibbon vol. 6 as the item's source, from a file, in the Verify tab.
  await page.getByRole('tab', { name: 'Verify' }).click()
  const panel = page.locator('verify-panel')
  await expect(panel.locator('.claim')).toHaveText(`“${CLAIM}”`)
  await panel.getByLabel('Import a file as the source').setInputFiles(GIBBON)
  await expect(panel.getByRole('button', { name: 'Compare with source…' })).toBeVisible({ timeout: 60_000 })

  // The bibliography shows that the item now has its source attached.
  await page.getByRole('tab', { name: 'Bibliography' }).click()
  await expect(page.locator(`citation-panel li[data-citation-id="${item.id}"] .has-source`)).toBeVisible()
  await page.getByRole('tab', { name: 'Verify' }).click()

  // Side by side: the judgement first, then the candidates; the supporting passage is among them.
  await panel.getByRole('button', { name: 'Compare with source…' }).click()
  const view = page.locator('compare-view')
  await expect(view.locator('compare-summary h3')).toBeVisible({ timeout: 60_000 })
  await expect(view.locator('compare-summary .searched')).toContainText('LXIV')
  await expect.poll(async () => (await view.locator('.left .claim').allTextContents()).join('')).toBe(CLAIM)
  const cands = view.locator('compare-candidates button.candidate')
  let found = false
  for (let i = 0; i < (await cands.count()) && !found; i++) {
    await cands.nth(i).click()
    const passage = (await view.locator('.source .passage').allTextContents()).join('').replace(/\s+/g, ' ')
    found = passage.includes(SUPPORT)
  }
  expect(found).toBe(true)
  await expect(view.locator('.left .claim.term').first()).toBeVisible()
  await expect(view.locator('.source .passage.term').first()).toBeVisible()

  // Narrow the passage by hand: select the clause in the source pane and use it.
  await dragSelectInSource(page, SUPPORT)
  await view.getByRole('button', { name: 'Use selected passage' }).click()
  await expect(view.getByText(/Passage chosen by hand: code points \d+–\d+/)).toBeVisible()
  await expect(view.locator('.discrepancies, .discrepancies-none')).toBeVisible()
  await expect(view.locator('.source .passage')).toHaveText(SUPPORT)

  await view.getByRole('radio', { name: 'Supported', exact: true }).check()
  await view.getByLabel('Note').fill('Gibbon ch. LXIV: Manuel leaves his blind competitor on the throne.')
  await view.getByRole('button', { name: 'Record verdict' }).click()
  await expect(view).toHaveCount(0)

  const [ann] = await app.api<{ citations: { verification?: { status: string; source?: { exact: string } } }[] }[]>('listAnnotations', { documentId: app.seedId })
  expect(ann.citations[0].verification?.status).toBe('supported')
  expect(ann.citations[0].verification?.source?.exact).toBe(SUPPORT)

  // After a reload the verdict shows as a badge on the highlight.
  await page.reload()
  await expect(page.locator('document-view h1.doc-title')).toHaveText('John VII Palaiologos')
  await expect(page.locator('document-view .verdict-badge[data-status="supported"]')).toBeVisible()
})
