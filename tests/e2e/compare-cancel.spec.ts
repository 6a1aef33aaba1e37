/**
 * Comparing a claim against a large source (Gibbon vol. 6, 1.4 M code points) for the first time
 * indexes it as a job: the compare view shows the progress, and Cancel closes the view and cancels
 * the job on the services.
 */
import { existsSync, readFileSync } from 'node:fs'
import { claimCitingSource, verifyTab } from './compare-setup'
import { test, expect } from './fixtures'
import { ON_CI } from './on-ci'
import { corpusPath } from '../helpers/corpus'

// Generous: the timeout covers the fixture's project set-up and server start on a busy machine too.
test.describe.configure({ timeout: 180_000 })

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')

test.skip((!existsSync(GIBBON)) && !ON_CI, 'needs ../shared/corpus (Gibbon vol. 6)')

test('indexing a large source shows progress in the compare view and Cancel stops it on the services', async ({ page, app }) => {
  await claimCitingSource(app, page, 'Notes.\n\nManuel II left John VII as regent to defend the capital.\n', 'Manuel II left John VII as regent', { fileName: 'gibbon-vol6.txt', bytes: readFileSync(GIBBON) })
  await verifyTab(page)

  const open = page.locator('verify-panel').getByRole('button', { name: 'Compare with source…' })
  const view = page.locator('compare-view')
  const started = page.waitForResponse((r) => r.url().includes('/api/startJob'))
  await open.click()
  const job = ((await (await started).json()) as { value: { id: string; status: string } }).value
  expect(job.status).toBe('running')
  await expect(view.locator('.indexing')).toHaveText(/Indexing the source \(once\)… \d+%/, { timeout: 60_000 })
  const cancelling = page.waitForRequest((r) => r.url().includes('/api/cancelJob'))
  await view.locator('.progress').getByRole('button', { name: 'Cancel' }).click()
  await expect(view).toHaveCount(0)
  // The job is cancelled on the services, not just left behind.
  expect((await cancelling).postDataJSON()).toEqual({ id: job.id })
  expect((await app.api<{ status: string }>('getJob', { id: job.id })).status).toBe('cancelled')

  // Opening the view again compares (indexing again unless the cancelled build had already finished).
  await open.click()
  await expect(view.locator('compare-summary h3')).toBeVisible({ timeout: 120_000 })
})
