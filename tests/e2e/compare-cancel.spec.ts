/**
 * Comparing a claim against a large source (Gibbon vol. 6, 1.4 M code points) for the first time
 * indexes it as a job: the compare view shows the progress and Cancel stops it on the services —
 * no index is written, and opening the view again indexes again.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { claimCitingSource, verifyTab } from './compare-setup'
import { test, expect } from './fixtures'

// Generous: the timeout covers the fixture's project set-up and server start on a busy machine too.
test.describe.configure({ timeout: 180_000 })

const GIBBON = resolve(__dirname, '../../../shared/corpus/large/gibbon-decline-and-fall-vol6-pg895.txt')

test.skip(!existsSync(GIBBON), 'needs ../shared/corpus (Gibbon vol. 6)')

test('indexing a large source shows progress in the compare view and Cancel stops it on the services', async ({ page, app }) => {
  const { src } = await claimCitingSource(app, page, 'Notes.\n\nManuel II left John VII as regent to defend the capital.\n', 'Manuel II left John VII as regent', { fileName: 'gibbon-vol6.txt', bytes: readFileSync(GIBBON) })
  await verifyTab(page)

  const open = page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' })
  const view = page.locator('compare-view')
  await open.click()
  await expect(view.locator('.indexing')).toHaveText(/Indexing the source \(once\)… \d+%/, { timeout: 60_000 })
  await view.locator('.progress').getByRole('button', { name: 'Cancel' }).click()
  await expect(view).toHaveCount(0)

  // Cancelled on the services: no index was kept, so the next comparison indexes again.
  const indexFile = join(app.dir, 'index', `${src.id}.json`)
  expect(existsSync(indexFile)).toBe(false)
  await open.click()
  await expect(view.locator('.indexing')).toHaveText(/Indexing the source \(once\)… \d+%/, { timeout: 60_000 })
  await expect(view.locator('compare-summary h3')).toBeVisible({ timeout: 120_000 })
  expect(existsSync(indexFile)).toBe(true)
})
