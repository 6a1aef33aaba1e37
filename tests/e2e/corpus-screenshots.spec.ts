/**
 * Makes a screenshot of each corpus view for the README (1280×800, docs/corpus-<view>.png): search,
 * annotation table, verification overview, concordance, timeline, map, network and statistics, on
 * the seed annotated with Gibbon beside it (tests/e2e/corpus-helpers.ts), each showing content (the
 * pictures with a picked item's passages listed).
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { corpusProject } from './corpus-helpers'

test.use({ seed: true, projectName: 'Late Byzantine emperors — reading notes' })
test.describe.configure({ timeout: 300_000 })

const DOCS = resolve(__dirname, '..', '..', 'docs')

/** Saves the window as docs/corpus-`name`.png, the pointer out of the way. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 790)
  await page.screenshot({ path: resolve(DOCS, `corpus-${name}.png`) })
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()
const passages = (page: Page) => page.locator('corpus-passages button.passage')

test('screenshots of every corpus view for the README', async ({ page, app }) => {
  const p = await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')

  await page.keyboard.press('Control+Shift+F')
  const input = page.getByRole('searchbox', { name: 'Search the project' })
  await input.fill('Bajazet')
  await input.press('Enter')
  await expect(page.locator('corpus-search section.document')).toHaveCount(2)
  await shoot(page, 'search')

  await tab(page, 'Annotations')
  await expect(page.locator('corpus-table [role="row"][data-annotation-id]')).toHaveCount(8)
  await shoot(page, 'table')

  await tab(page, 'Verification')
  await expect(page.locator('corpus-verification tr.claim')).toHaveCount(3)
  await shoot(page, 'verification')

  await tab(page, 'Concordance')
  await page.getByRole('combobox', { name: 'Concordance of an entity' }).selectOption(p.entities.john)
  await expect(page.locator('corpus-kwic button.line')).not.toHaveCount(0)
  await shoot(page, 'kwic')

  await tab(page, 'Timeline')
  await page.locator(`corpus-timeline g.item[data-item-id^="${p.entities.ankara}"]`).click()
  await expect(passages(page)).toHaveCount(1)
  await shoot(page, 'timeline')

  await tab(page, 'Map')
  await expect(page.locator('corpus-map path.land')).toHaveAttribute('d', /^M/)
  await page.locator(`corpus-map g.place[data-entity-id="${p.entities.thessalonica}"]`).click()
  await expect(passages(page)).toHaveCount(1)
  await shoot(page, 'map')

  await tab(page, 'Network')
  // By keyboard (focus, Enter): the seeded layout depends on the run's random entity ids, and
  // another node's label can lie over this node and take a mouse click (a flake seen in CI).
  await page.locator(`corpus-network g.node[data-entity-id="${p.entities.bayezid}"]`).focus()
  await page.keyboard.press('Enter')
  await expect(passages(page)).toHaveCount(3)
  await shoot(page, 'network')

  await tab(page, 'Statistics')
  await expect(page.locator('corpus-statistics figure[data-chart="by-tag"] g.bar')).not.toHaveCount(0)
  await shoot(page, 'statistics')
})
