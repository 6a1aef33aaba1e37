/**
 * The team commands as a historian runs them (real CLI processes): agreement as JSON and CSV, sync
 * that clones then saves, pulls, merges and pushes through a real git server, conflicts reviewed and
 * resolved, history of an annotation, restoring a version, merging another clone, the layout converter.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { startGitServer, type GitServer } from '../../../git/git-http-server'
import { cli, cliJson } from '../../../helpers/run-cli'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const CREDENTIALS = { user: 'historian', password: 'cli-token-9' }

async function as<T>(dir: string, author: string, fn: (s: ProjectSession) => Promise<T>): Promise<T> {
  const s = await ProjectSession.open(dir, { author, create: true })
  try {
    return await fn(s)
  } finally {
    await s.close()
  }
}

async function annotate(s: ProjectSession, documentId: string, quote: string, tags: string[], note = ''): Promise<string> {
  const r = await s.api.annotateQuote({ documentId, quote, occurrence: 1, tags, note })
  if (!r.ok) throw new Error(r.error.message)
  return r.value.id
}

describe('team CLI', () => {
  const tmp = tempDir('marginalia-team-cli-')
  let server: GitServer
  let url: string
  const A = join(tmp.dir, 'ada')
  const B = join(tmp.dir, 'ben')
  let docId = ''
  let shared = ''
  beforeAll(async () => {
    server = await startGitServer(join(tmp.dir, 'server'), CREDENTIALS)
    server.createRepo('edition')
    url = `${server.url}/edition.git`
    process.env.MARGINALIA_GIT_USERNAME = CREDENTIALS.user
    process.env.MARGINALIA_GIT_PASSWORD = CREDENTIALS.password
    docId = await as(A, 'Ada', async (s) => {
      const r = await s.api.importDocument({ fileName: 'john-vii.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })
      if (!r.ok) throw new Error(r.error.message)
      shared = await annotate(s, r.value.id, 'Manuel II', ['ruler'], 'Ada’s note')
      await annotate(s, r.value.id, 'Bayezid I', ['ruler'])
      await annotate(s, r.value.id, 'Selymbria', ['city'])
      return r.value.id
    })
    await as(A, 'Ben', async (s) => {
      await annotate(s, docId, 'Bayezid I', ['ruler'])
      await annotate(s, docId, 'Selymbria', ['ruler'])
      await annotate(s, docId, 'Timur', ['ruler'])
    })
  })
  afterAll(async () => {
    delete process.env.MARGINALIA_GIT_USERNAME
    delete process.env.MARGINALIA_GIT_PASSWORD
    await server.close()
    tmp.cleanup()
  })

  it('agreement: a table per tag as JSON, and CSV to a file', async () => {
    const report = await cliJson('agreement', A, '--doc', docId, '--by', 'tag')
    expect(report.raters).toEqual(['Ada', 'Ben'])
    const kappa = report.rows.find((r: { category: string | null; measure: string }) => r.category === null && r.measure === 'cohen-kappa')
    // Both: Bayezid (ruler/ruler), Selymbria (city/ruler) → A_O = 1/2; Ada city 1 ruler 1, Ben ruler 2 → A_E = 1/2 → κ = 0
    expect(kappa).toMatchObject({ value: 0, items: 2 })
    const out = join(tmp.dir, 'agreement.csv')
    expect(await cliJson('agreement', A, '--doc', docId, '--format', 'csv', '--out', out)).toEqual({ written: out })
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').trim(), { newline: '\r\n' }).data
    expect(rows[0]).toEqual(['document', 'by', 'category', 'measure', 'raters', 'value', 'items', 'note'])
    expect(rows.length).toBe(report.rows.length + 1)
    const bad = await cli('agreement', A, '--doc', 'nope')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/no document with id nope/)
  }, 300_000)

  it('sync clones, saves, merges and pushes; conflicts are reviewed and resolved; history and restore work', async () => {
    expect(await cliJson('sync', A, '--remote', url, '--message', 'Ada and Ben, first pass')).toMatchObject({ pushed: true })
    expect(await cliJson('sync', B, '--remote', url)).toEqual({ cloned: url, documents: 1, annotations: 6 })
    expect(readFileSync(join(B, '.git', 'config'), 'utf8')).not.toContain(CREDENTIALS.password)

    await as(A, 'Ada', async (s) => void (await s.api.updateAnnotation({ id: shared, note: 'Ada, revised' })))
    await as(B, 'Ben', async (s) => {
      await s.api.updateAnnotation({ id: shared, note: 'Ben disagrees' })
      await annotate(s, docId, 'Andronikos IV', ['ruler'])
    })
    expect(await cliJson('sync', A, '--message', 'Ada revises')).toMatchObject({ pushed: true })
    const merged = await cliJson('sync', B, '--message', 'Ben adds')
    expect(merged).toMatchObject({ pulled: 'merge', pushed: false })
    expect(merged.conflicts.map((c: { key: string }) => c.key)).toEqual([`annotations/${shared}`])
    expect((await cliJson('conflicts', B)).length).toBe(1)
    expect((await cli('sync', B)).stderr).toMatch(/resolve them first/)
    expect(await cliJson('resolve', B, '--conflict', `annotations/${shared}`, '--choose', 'ours')).toEqual([])
    expect(await cliJson('sync', B)).toMatchObject({ pushed: true })

    const history = await cliJson('history', B, '--annotation', shared)
    expect(history.map((h: { author: string; change: string }) => [h.author, h.change])).toEqual(expect.arrayContaining([[expect.any(String), 'added']]))
    expect(history.some((h: { fields: string[]; record: { note: string } }) => h.fields.includes('note') && h.record.note === 'Ada, revised')).toBe(true)
    const first = history[history.length - 1]
    expect(first.change).toBe('added')
    expect(await cliJson('restore-version', B, '--version', first.commit, '--annotation', shared)).toEqual({ changed: 1 })
    const list = await cliJson('list', B, '--doc', docId)
    const restored = (Array.isArray(list) ? list : list.annotations).find((a: { id: string }) => a.id === shared)
    expect(restored.note).toBe('Ada’s note')
  }, 900_000)

  it('merge --theirs merges another clone on disk; layout writes the files', async () => {
    const C = join(tmp.dir, 'cy')
    await cliJson('sync', C, '--remote', url)
    const added = await as(C, 'Cy', (s) => annotate(s, docId, 'Constantinople', ['city']))
    await cliJson('sync', C, '--message', 'Cy adds a city') // saves a version (and pushes)
    const r = await cliJson('merge', B, '--theirs', C)
    expect(r).toMatchObject({ pulled: 'merge', conflicts: [] })
    expect(r.changedRecords).toBeGreaterThan(0)
    expect(readFileSync(join(B, 'annotations', `${docId}.jsonl`), 'utf8')).toContain(added)
    const layout = await cliJson('layout', A, '--to', 'git')
    expect(Array.isArray(layout.written)).toBe(true)
    expect(existsSync(join(A, 'marginalia.json'))).toBe(true)
  }, 500_000)
})
