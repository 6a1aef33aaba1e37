/**
 * "Who changed this, when" in the app, and restoring a version: two historians save versions of
 * one project (a real git repository made in the test by the app's own sync); the Team tab lists,
 * for the selected annotation and for the open document, the versions that changed it with author,
 * date and message; "Restore…" asks for confirmation, puts the annotation back as in the older
 * version as one edit, and Undo takes that edit back.
 */
import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { teamTabViolations } from './team-axe'

test.use({ seed: true })
test.describe.configure({ timeout: 300_000 })

interface Ann { id: string; note: string }

const openTeamTab = async (page: Page) => {
  await page.getByRole('tab', { name: 'Team' }).click()
  await expect(page.locator('team-history')).toBeVisible()
}

test('history of an annotation and of a document, with authors and messages; restore with confirmation, undone in one step', async ({ page, app }) => {
  await app.api('setAuthor', { name: 'Ada Lovelace' })
  const ann = await app.api<Ann>('annotateQuote', { documentId: app.seedId, quote: 'Manuel II', occurrence: 1, tags: ['ruler'], note: 'first reading' })
  await app.api('syncProject', { message: 'Ada, first pass' })
  await app.api('setAuthor', { name: 'Ben Jonson' })
  await app.api('updateAnnotation', { id: ann.id, note: 'Ben: the son, not the father' })
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Timur', occurrence: 1, tags: ['ruler'] })
  await app.api('syncProject', { message: 'Ben checks the rulers' })
  // The versions are real git commits: Debian's git reads them.
  const commits = execFileSync('git', ['-C', app.dir, 'log', '--format=%H %an %s']).toString().trim().split('\n')
  expect(commits.map((c) => c.slice(41))).toEqual(['Ben Jonson Ben checks the rulers', 'Ada Lovelace Ada, first pass'])
  const [benCommit, adaCommit] = commits.map((c) => c.slice(0, 40))

  // Select the annotation (its card), then the Team tab: its history, newest first.
  await page.locator('annotation-list annotation-card').filter({ hasText: 'Ben: the son' }).locator('button.quote').click()
  await openTeamTab(page)
  const history = page.locator('team-history')
  await expect(history.getByRole('radio', { name: 'Selected annotation' })).toBeChecked()
  const versions = history.locator('li.version')
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(0)).toHaveAttribute('data-commit', benCommit)
  await expect(versions.nth(0)).toContainText('Ben checks the rulers')
  await expect(versions.nth(0).locator('.who')).toHaveText('Ben Jonson')
  await expect(versions.nth(0).locator('.what')).toContainText('annotation changed: modified, modifiedBy, note')
  await expect(versions.nth(1)).toHaveAttribute('data-commit', adaCommit)
  await expect(versions.nth(1).locator('.who')).toHaveText('Ada Lovelace')
  await expect(versions.nth(1).locator('.what')).toHaveText('annotation added')

  // Restore Ada's version with the keyboard: a confirmation first; Cancel changes nothing.
  const restoreAda = versions.nth(1).getByRole('button', { name: /Restore the annotation “Manuel II” as in version/ })
  await restoreAda.focus()
  await page.keyboard.press('Enter')
  const dialog = history.locator('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(`version ${adaCommit.slice(0, 7)}`)
  await expect(dialog).toContainText('Undo takes it back')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  expect(await teamTabViolations(page)).toEqual([])
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  expect((await app.api<Ann>('getAnnotation', { id: ann.id })).note).toBe('Ben: the son, not the father')

  await restoreAda.click()
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(history.getByRole('status')).toContainText(`Restored the annotation “Manuel II” from version ${adaCommit.slice(0, 7)} (1 record changed)`)
  expect((await app.api<Ann>('getAnnotation', { id: ann.id })).note).toBe('first reading')
  const card = page.locator('annotation-list annotation-card').filter({ hasText: 'first reading' })
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo Restore/)

  // One undoable step: Undo puts Ben's note back.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await app.api<Ann>('getAnnotation', { id: ann.id })).note).toBe('Ben: the son, not the father')
  await page.getByRole('tab', { name: 'Annotations' }).click()
  await expect(card).toHaveCount(0)
  await expect(page.locator('annotation-list annotation-card').filter({ hasText: 'Ben: the son' })).toHaveCount(1)

  // The document's history counts its annotations' changes per version.
  await openTeamTab(page)
  await history.getByRole('radio', { name: 'This document' }).check()
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(0).locator('.what')).toHaveText('annotations: 1 added, 1 changed')
  await expect(versions.nth(1).locator('.what')).toContainText('annotations: 1 added')

  // The whole project: every saved version.
  await history.getByRole('radio', { name: 'Whole project' }).check()
  await expect(versions).toHaveCount(2)
  await expect(versions.nth(1)).toContainText('Ada, first pass')
})
