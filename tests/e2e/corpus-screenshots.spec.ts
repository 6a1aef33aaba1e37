/**
 * Makes docs/corpus-table.png and docs/corpus-map.png (1280×800, for the README): the annotation
 * table and the map of the seed annotated with Gibbon beside it (tests/e2e/corpus-helpers.ts).
 */
import { resolve } from 'node:path'
import { test, expect } from './fixtures'
import { corpusProject } from './corpus-helpers'

test.use({ seed: true, projectName: 'Late Byzantine emperors — reading notes' })
test.describe.configure({ timeout: 180_000 })

const DOCS = resolve(__dirname, '..', '..', 'docs')

test('screenshots of the annotation table and the map for the README', async ({ page, app }) => {
  await corpusProject(app)
  await page.reload()
  await expect(page.locator('document-view h1')).toHaveText('John VII Palaiologos')
  await page.getByRole('button', { name: 'Corpus' }).click()
  await page.locator('#corpus-tab-table').click()
  await expect(page.locator('corpus-table [role="row"][data-annotation-id]')).toHaveCount(8)
  await page.mouse.move(0, 790)
  await page.screenshot({ path: resolve(DOCS, 'corpus-table.png') })

  await page.locator('#corpus-tab-map').click()
  await expect(page.locator('corpus-map path.land')).toHaveAttribute('d', /^M/)
  await page.locator('corpus-map g.place').first().click()
  await expect(page.locator('corpus-passages button.passage')).not.toHaveCount(0)
  await page.mouse.move(0, 790)
  await page.screenshot({ path: resolve(DOCS, 'corpus-map.png') })
})
