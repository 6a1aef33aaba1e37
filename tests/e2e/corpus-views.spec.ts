/**
 * The verification overview, the concordance and the pictures end to end, on the seed annotated
 * with Gibbon beside it: each shows the project's real data, and a click (or Enter) on a row, a
 * line, a timeline bar, a map marker or a network node opens the passages behind it.
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { type CorpusProject, corpusProject, marked } from './corpus-helpers'

test.use({ seed: true })
test.describe.configure({ timeout: 180_000 })

let p: CorpusProject

test.beforeEach(async ({ page, app }) => {
  p = await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await page.getByRole('button', { name: 'Corpus' }).click()
})

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()
const passages = (page: Page) => page.locator('corpus-passages button.passage')

test('verification overview: progress, verdicts, sources, and a claim opens the Verify panel', async ({ page }) => {
  await tab(page, 'Verification')
  const v = page.locator('corpus-verification')
  await expect(v.locator('.progress')).toHaveText('2 of 3 claims checked')
  await expect(v.locator('tr.claim')).toHaveCount(3)
  const refuge = v.locator(`tr.claim[data-annotation-id="${p.annotations.refuge.id}"]`)
  await expect(refuge).toContainText('ch. LXIV')
  await expect(refuge.locator('td').nth(2)).toHaveText(/contradicted/i)
  // The verdict filter narrows the rows; progress counts the whole selection.
  await page.getByRole('combobox', { name: 'Filter by verdict' }).selectOption('supported')
  await expect(v.locator('tr.claim')).toHaveCount(1)
  await expect(v.locator('.progress')).toHaveText('2 of 3 claims checked')
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await refuge.locator('button.passage').click()
  await expect(page.locator('corpus-view')).toHaveCount(0)
  await expect(page.locator('#tab-verify')).toHaveAttribute('aria-selected', 'true')
  await expect.poll(() => marked(page, 'selected')).toBe('John VII sought refuge with Bayezid I')
})

test('concordance of an entity lists all its mentions, sorts by the right word, and a line opens its passage', async ({ page }) => {
  await tab(page, 'Concordance')
  await page.getByRole('combobox', { name: 'Concordance of an entity' }).selectOption(p.entities.bayezid)
  const lines = page.locator('corpus-kwic button.line')
  await expect(lines).toHaveCount(3)
  await expect(lines.locator('.kw')).toHaveText(['Bajazet', 'John VII sought refuge with Bayezid I', 'Bayezid was defeated by Timur at the Battle of Ankara'])
  await page.getByRole('combobox', { name: 'Sort lines' }).selectOption('right')
  const right = await lines.locator('.right').allTextContents()
  const firstWords = right.map((r) => r.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
  expect(firstWords).toEqual([...firstWords].sort())
  // A word query: every occurrence, annotated or not.
  await page.getByRole('searchbox', { name: 'Concordance of a word or phrase' }).fill('Thessalonica')
  await page.getByRole('searchbox', { name: 'Concordance of a word or phrase' }).press('Enter')
  await expect(page.locator('corpus-kwic [role="status"]')).toHaveText(/^\d+ lines$/)
  await lines.first().click()
  await expect(page.locator('corpus-view')).toHaveCount(0)
  await expect.poll(() => marked(page, 'flash')).toBe('Thessalonica')
})

test('timeline: dated entities as bars (approximate marked), a bar lists its passages and opens one', async ({ page }) => {
  await tab(page, 'Timeline')
  const bars = page.locator('corpus-timeline g.item')
  await expect(bars.first()).toBeAttached()
  const ankara = page.locator(`corpus-timeline g.item[data-item-id^="${p.entities.ankara}"]`)
  await expect(ankara).toHaveAttribute('aria-label', /Battle of Ankara: 20 July 1402|Battle of Ankara: .*1402/)
  await expect(page.locator(`corpus-timeline g.item.approximate[data-item-id^="${p.entities.reign}"]`)).toHaveCount(1)
  await ankara.focus()
  await page.keyboard.press('Enter')
  await expect(passages(page)).toHaveCount(1)
  await expect(passages(page).locator('mark')).toHaveText('Bayezid was defeated by Timur at the Battle of Ankara')
  await passages(page).first().click()
  await expect.poll(() => marked(page, 'selected')).toBe('Bayezid was defeated by Timur at the Battle of Ankara')
})

test('map: markers on the offline basemap sized by mentions, a place without coordinates listed, a marker opens its passages', async ({ page }) => {
  await tab(page, 'Map')
  const map = page.locator('corpus-map')
  await expect(map.locator('g.place')).toHaveCount(2)
  await expect(map.locator('path.land')).toHaveAttribute('d', /^M/)
  await expect(map.locator('ul.unplaced')).toContainText('Western Europe')
  const thess = map.locator(`g.place[data-entity-id="${p.entities.thessalonica}"]`)
  await thess.focus()
  await page.keyboard.press('Enter')
  await expect(passages(page)).toHaveCount(1)
  await passages(page).first().click()
  await expect.poll(() => marked(page, 'selected')).toBe('Thessalonica on the Aegean Sea')
})

test('network: entities with co-occurrence and a labelled relation, filterable by type; a node opens its passages', async ({ page }) => {
  await tab(page, 'Network')
  const net = page.locator('corpus-network')
  await expect(net.locator('g.node')).toHaveCount(8)
  await expect(net.locator('text.rel')).toHaveText(['nephew of'])
  await net.getByRole('checkbox', { name: 'place' }).check()
  await expect(net.locator('g.node')).toHaveCount(3)
  await net.getByRole('checkbox', { name: 'place' }).uncheck()
  const bayezid = net.locator(`g.node[data-entity-id="${p.entities.bayezid}"]`)
  await expect(bayezid).toHaveAttribute('aria-label', 'Bayezid I (person): 3 mentions')
  await bayezid.click()
  await expect(passages(page)).toHaveCount(3)
  await passages(page).filter({ hasText: 'Bajazet' }).click()
  await expect(page.locator('document-view h1')).toContainText('Gibbon')
  await expect.poll(() => marked(page, 'selected')).toBe('Bajazet')
})

test('statistics: counts as charts, SVG export, a bar narrows the filter', async ({ page }) => {
  await tab(page, 'Statistics')
  const stats = page.locator('corpus-statistics')
  await expect(stats.locator('[role="status"]')).toHaveText('8 annotations under this filter')
  await expect(stats.locator('figure[data-chart="by-tag"] g.bar[data-value="place"]')).toHaveAttribute('aria-label', 'place: 3')
  await expect(stats.locator('figure[data-chart="top-entities"] g.bar').first()).toHaveAttribute('aria-label', /^(Bayezid I|John VII Palaiologos): 3$/)
  const [download] = await Promise.all([page.waitForEvent('download'), stats.getByRole('button', { name: 'Annotations per tag as SVG' }).click()])
  expect(download.suggestedFilename()).toBe('by-tag.svg')
  await stats.locator('figure[data-chart="by-tag"] g.bar[data-value="claim"]').click()
  await expect(stats.locator('[role="status"]')).toHaveText('3 annotations under this filter')
  await expect(page.locator('corpus-filter-bar .chip')).toHaveText(/Tag: claim/)
})
