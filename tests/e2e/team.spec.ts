/**
 * Team work in the app: two annotators' copies of one project, merged with a conflict; the conflict
 * shown side by side in the Team tab, resolved there, and the result persisted (after a restart);
 * who made and who changed the annotation visible on its card; a disputed passage accepted into
 * the curated layer. The other annotator works in a git clone served by a second `serve` process.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startGitServer } from '../git/git-http-server'
import { expect, startServer, stopServer, test } from './fixtures'

test.use({ seed: true })
// Setting up two projects runs several processes; the machine may be shared.
test.describe.configure({ timeout: 900_000 })

const ADA = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
const BEN = { name: 'Ben Jonson' }

interface Ann { id: string; note: string; tags: string[]; author: string; createdBy?: { name: string }; modifiedBy?: { name: string } }

/** A second annotator's app: `serve` on their folder, with the API over HTTP. */
async function serve(dir: string): Promise<{ api: <T>(m: string, a?: unknown) => Promise<T>; stop: () => Promise<void> }> {
  const { proc, url, port } = await startServer(dir)
  const token = new URL(url).searchParams.get('token') ?? ''
  return {
    async api<T>(method: string, args: unknown = {}): Promise<T> {
      const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args)
      })
      const r = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
      if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
      return r.value as T
    },
    stop: () => stopServer(proc)
  }
}

const openTeamTab = async (page: Page) => {
  await page.getByRole('tab', { name: 'Team' }).click()
  await expect(page.locator('team-panel')).toBeVisible()
}

test('two annotators merged with a conflict: resolved side by side in the Team tab, persisted, authorship on the card', async ({ page, app }) => {
  const benDir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-ben-'))
  try {
    // Ada annotates and saves a version.
    await app.api('setAuthor', ADA)
    const shared = await app.api<Ann>('annotateQuote', { documentId: app.seedId, quote: 'Manuel II', occurrence: 1, tags: ['ruler'], note: 'Ada’s first reading' })
    expect(shared.createdBy).toEqual(ADA)
    await app.api('syncProject', { message: 'Ada, first pass' })

    // Ben clones her project (git, as from a shared drive), works on his copy and saves a version.
    rmSync(benDir, { recursive: true, force: true })
    execFileSync('git', ['clone', '--quiet', app.dir, benDir])
    execFileSync('git', ['-C', benDir, 'remote', 'remove', 'origin']) // his copy is merged from disk, not pushed
    const ben = await serve(benDir)
    try {
      await ben.api('setAuthor', BEN)
      await ben.api('readGitLayout')
      await ben.api('updateAnnotation', { id: shared.id, note: 'Ben: the son, not the father' })
      await ben.api('annotateQuote', { documentId: app.seedId, quote: 'Timur', occurrence: 1, tags: ['ruler'] })
      await ben.api('syncProject', { message: 'Ben checks the rulers' })
    } finally {
      await ben.stop()
    }

    // Meanwhile Ada changes the same note.
    await app.api('updateAnnotation', { id: shared.id, note: 'Ada, revised' })

    // Ada merges Ben's copy from the Team tab: one conflict, both versions side by side.
    await openTeamTab(page)
    await page.locator('#merge-path').fill(benDir)
    await page.locator('#merge-button').click()
    await expect(page.locator('team-sync p.status')).toContainText('1 conflict to review', { timeout: 120_000 })
    const conflict = page.locator(`team-conflicts .conflict[data-key="annotations/${shared.id}"]`)
    await expect(conflict).toBeVisible()
    await expect(page.locator('team-conflicts .conflict')).toHaveCount(1)
    await expect(conflict.locator('[data-side="Mine"]')).toContainText('Ada, revised')
    await expect(conflict.locator('[data-side="Theirs"]')).toContainText('Ben: the son, not the father')
    await expect(conflict.locator('[data-side="Theirs"] h4')).toContainText('Ben Jonson')

    await conflict.getByRole('button', { name: 'Take theirs' }).click()
    await expect(page.locator('team-conflicts .conflict')).toHaveCount(0)
    await expect(page.locator('team-conflicts')).toContainText('None waiting for review')
    expect(await app.api('listMergeConflicts')).toEqual([])

    // Persisted: after a restart the project holds Ben's note, Ben's new annotation, and who did what.
    await app.restart(page)
    const after = await app.api<Ann>('getAnnotation', { id: shared.id })
    expect(after).toMatchObject({ note: 'Ben: the son, not the father', createdBy: ADA, modifiedBy: BEN })
    const all = await app.api<Ann[]>('listAnnotations', { documentId: app.seedId })
    expect(all.map((a) => a.note)).not.toContain('Ada, revised')
    expect(all.some((a) => a.createdBy?.name === 'Ben Jonson' && a.tags.includes('ruler') && a.id !== shared.id)).toBe(true)

    const card = page.locator('annotation-list annotation-card').filter({ hasText: 'Ben: the son, not the father' })
    await expect(card).toBeVisible()
    await expect(card.locator('.by')).toHaveText('by Ada Lovelace · changed by Ben Jonson')
    await expect(card.locator('.by')).toHaveAttribute('title', /ORCID 0000-0002-1825-0097/)
  } finally {
    rmSync(benDir, { recursive: true, force: true })
  }
})

test('curation: a passage the annotators tagged differently, one version accepted into the curated layer', async ({ page, app }) => {
  await app.api('setAuthor', ADA)
  await app.api('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I', occurrence: 1, tags: ['ruler'] })
  await app.api('setAuthor', BEN)
  const bens = await app.api<Ann>('annotateQuote', { documentId: app.seedId, quote: 'Bayezid I', occurrence: 1, tags: ['sultan'] })
  await openTeamTab(page)
  const span = page.locator('team-curation .disputed')
  await expect(span).toHaveCount(1)
  await expect(span.locator('[data-author="Ada Lovelace"]')).toContainText('ruler')
  await expect(span.locator('[data-author="Ben Jonson"]')).toContainText('sultan')
  await span.getByRole('button', { name: 'Accept Ben Jonson’s' }).click()
  await expect(span).toContainText('curated: sultan')
  const curated = (await app.api<Ann[]>('listAnnotations', { documentId: app.seedId })).filter((a) => a.author === 'curation')
  expect(curated).toHaveLength(1)
  expect(curated[0].tags).toEqual(bens.tags)
  expect(curated[0].createdBy).toEqual(BEN) // the curator who accepted it (the session's author now)
})

test('sync asks for credentials when the git server wants them, pushes, and keeps them nowhere on disk', async ({ page, app }) => {
  const root = mkdtempSync(join(tmpdir(), 'marginalia-e2e-git-'))
  const password = 'e2e-token-71'
  const server = await startGitServer(root, { user: 'ada', password })
  try {
    server.createRepo('seminar')
    await openTeamTab(page)
    await page.locator('#sync-remote').fill(`${server.url}/seminar.git`)
    await page.locator('#sync-message').fill('First pass')
    await page.locator('#sync-button').click()
    const dialog = page.locator('team-sync dialog')
    await expect(dialog).toBeVisible({ timeout: 120_000 })
    await expect(page.locator('team-sync p.status')).toContainText('credentials')
    await dialog.locator('#cred-user').fill('ada')
    await dialog.locator('#cred-password').fill(password)
    await dialog.locator('#cred-ok').click()
    await expect(dialog).toBeHidden()
    await expect(page.locator('team-sync p.status')).toContainText('pushed', { timeout: 120_000 })
    await expect(page.locator('team-sync p.status')).not.toContainText('not pushed')
    expect(server.log.some((r) => r.method === 'POST' && r.path.includes('git-receive-pack') && r.auth)).toBe(true)
    expect(execFileSync('git', ['--git-dir', join(root, 'seminar.git'), 'log', '--format=%s']).toString()).toContain('First pass')
    // The token is in no file of the project, git config included (grep exits 1 when it finds nothing).
    const grep = spawnSync('grep', ['-rl', '--', password, app.dir], { encoding: 'utf8' })
    expect(grep.stdout).toBe('')
    expect(grep.status).toBe(1)
  } finally {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
})
