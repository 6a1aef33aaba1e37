/**
 * axe-core on every corpus view, each with the seed annotated as a historian would and Gibbon
 * beside it (corpus-helpers.ts), in the states a historian sees: search hits in both documents,
 * the table with a row chosen, the verification overview, an entity's concordance, and the
 * timeline, map and network each with a picked item's passages listed, the statistics charts.
 * Every violation of the WCAG 2.1 A/AA rules and axe's best practices fails the test, whatever
 * its impact (each named by view, rule, impact and element).
 */
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { corpusProject } from './corpus-helpers'
import { runAxe } from './axe'

test.use({ seed: true })
test.describe.configure({ timeout: 300_000 })

/** Every violation on the page as it is now, as readable lines (rule (impact): target — why). */
async function violations(page: Page, view: string): Promise<string[]> {
  const results = await runAxe(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${view}: ${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`)
  )
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()
const passages = (page: Page) => page.locator('corpus-passages button.passage')

test('axe finds no violation on any corpus view', async ({ page, app }) => {
  const p = await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  const found: string[] = []

  await page.keyboard.press('Control+Shift+F')
  const input = page.getByRole('searchbox', { name: 'Search the project' })
  await input.fill('Bajazet')
  await input.press('Enter')
  await expect(page.locator('corpus-search section.document')).toHaveCount(2)
  found.push(...(await violations(page, 'Search')))

  await tab(page, 'Annotations')
  await expect(page.locator('corpus-table [role="row"][data-annotation-id]')).toHaveCount(8)
  await page.locator('corpus-table [role="row"][data-annotation-id]').first().getByRole('checkbox').check()
  await expect(page.locator('corpus-bulk-bar')).toContainText('1 chosen')
  found.push(...(await violations(page, 'Annotations')))

  await tab(page, 'Verification')
  await expect(page.locator('corpus-verification tr.claim')).toHaveCount(3)
  found.push(...(await violations(page, 'Verification')))

  await tab(page, 'Concordance')
  await page.getByRole('combobox', { name: 'Concordance of an entity' }).selectOption(p.entities.bayezid)
  await expect(page.locator('corpus-kwic button.line')).toHaveCount(3)
  found.push(...(await violations(page, 'Concordance')))

  await tab(page, 'Timeline')
  await page.locator(`corpus-timeline g.item[data-item-id^="${p.entities.ankara}"]`).click()
  await expect(passages(page)).toHaveCount(1)
  found.push(...(await violations(page, 'Timeline')))

  await tab(page, 'Map')
  await page.locator(`corpus-map g.place[data-entity-id="${p.entities.thessalonica}"]`).click()
  await expect(passages(page)).toHaveCount(1)
  found.push(...(await violations(page, 'Map')))

  await tab(page, 'Network')
  // By keyboard (focus, Enter): the seeded layout depends on the run's random entity ids, and
  // another node's label can lie over this node and take a mouse click (a flake seen in CI).
  await page.locator(`corpus-network g.node[data-entity-id="${p.entities.bayezid}"]`).focus()
  await page.keyboard.press('Enter')
  await expect(passages(page)).toHaveCount(3)
  found.push(...(await violations(page, 'Network')))

  await tab(page, 'Statistics')
  await expect(page.locator('corpus-statistics figure[data-chart="by-tag"] g.bar')).not.toHaveCount(0)
  found.push(...(await violations(page, 'Statistics')))

  expect(found).toEqual([])
})
