/**
 * Sync through real git: a bare repository served by `git http-backend` on 127.0.0.1, two
 * historians' clones edited concurrently, pushed and pulled with isomorphic-git. The merged project
 * holds every annotation of both, the listed conflicts are exactly the conflicting records, it
 * validates, and credentials never reach the project or the git config.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cloneProject, pendingConflicts, resolvePending, syncProject } from '../../../../src/main/git/sync'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { ProjectData } from '../../../../src/shared/model'
import { validateProject } from '../../../../src/shared/team/merge/validate'
import { startGitServer, type GitServer } from '../../../git/git-http-server'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const CREDENTIALS = { user: 'historian', password: 's3cret-token' }
const onAuth = () => ({ username: CREDENTIALS.user, password: CREDENTIALS.password })
const ada = { name: 'Ada Historian', email: 'ada@example.org' }
const ben = { name: 'Ben Scholar', email: 'ben@example.org' }

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

describe('sync through a real git server', () => {
  const tmp = tempDir('marginalia-git-')
  let server: GitServer
  let url: string
  beforeAll(async () => {
    server = await startGitServer(join(tmp.dir, 'server'), CREDENTIALS)
    server.createRepo('seminar')
    url = `${server.url}/seminar.git`
  })
  afterAll(async () => {
    await server.close()
    tmp.cleanup()
  })

  it('two historians annotate concurrently; sync merges both and lists only the real conflict', async () => {
    const dirA = join(tmp.dir, 'ada')
    const a = await ProjectSession.open(dirA, { create: true, author: ada.name })
    const imported = await a.api.importDocument({ fileName: 'john-vii.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })
    if (!imported.ok) throw new Error(imported.error.message)
    const docId = imported.value.id
    const shared = await a.api.annotateQuote({ documentId: docId, quote: 'Manuel II', occurrence: 1, note: 'first reading' })
    if (!shared.ok) throw new Error(shared.error.message)
    const first = await syncProject(a.store, { author: ada, remote: url, message: 'Ada: import and first reading', onAuth })
    expect(first).toMatchObject({ pushed: true, conflicts: [] })

    // Ben clones and works while Ada works too.
    const dirB = join(tmp.dir, 'ben')
    await cloneProject(dirB, url, onAuth)
    const b = await ProjectSession.open(dirB, { author: ben.name })
    expect(Object.keys(b.store.data.annotations)).toEqual([shared.value.id])
    const benNew = []
    for (const quote of ['Bayezid', 'Timur', 'Constantinople']) {
      const r = await b.api.annotateQuote({ documentId: docId, quote, occurrence: 1, tags: ['ben'] })
      if (!r.ok) throw new Error(r.error.message)
      benNew.push(r.value.id)
    }
    await b.api.updateAnnotation({ id: shared.value.id, note: 'Ben: a different reading' })
    const adaNew = []
    for (const quote of ['Andronikos IV', 'Selymbria']) {
      const r = await a.api.annotateQuote({ documentId: docId, quote, occurrence: 1, tags: ['ada'] })
      if (!r.ok) throw new Error(r.error.message)
      adaNew.push(r.value.id)
    }
    await a.api.updateAnnotation({ id: shared.value.id, note: 'Ada: revised reading' })

    expect((await syncProject(a.store, { author: ada, message: 'Ada: more', onAuth })).pushed).toBe(true)
    const merged = await syncProject(b.store, { author: ben, message: 'Ben: first pass', onAuth })
    expect(merged.pulled).toBe('merge')
    expect(merged.conflicts.map((c) => [c.key, c.kind, c.fields])).toEqual([[`annotations/${shared.value.id}`, 'edit-edit', ['note']]])
    expect(merged.pushed).toBe(false) // waits for review
    const ids = Object.keys(b.store.data.annotations).sort()
    expect(ids).toEqual([shared.value.id, ...benNew, ...adaNew].sort())
    expect(validateProject(b.store.data as ProjectData)).toEqual([])
    await expect(syncProject(b.store, { author: ben, onAuth })).rejects.toThrow(/resolve them first/)

    expect(await resolvePending(b.store, `annotations/${shared.value.id}`, 'theirs', new Date().toISOString())).toEqual([])
    expect(await pendingConflicts(dirB)).toEqual([])
    expect(b.store.data.annotations[shared.value.id].note).toBe('Ada: revised reading')
    expect((await syncProject(b.store, { author: ben, onAuth })).pushed).toBe(true)

    const back = await syncProject(a.store, { author: ada, onAuth })
    expect(back.pulled).toBe('fast-forward')
    expect(Object.keys(a.store.data.annotations).sort()).toEqual(ids)
    expect(a.store.data.annotations[shared.value.id].note).toBe('Ada: revised reading')
    await a.close()
    await b.close()

    // The server's own git sees Ada's and Ben's versions and Ben's merge commit with both parents.
    const log = execFileSync('git', ['-C', join(tmp.dir, 'server', 'seminar.git'), 'log', '--format=%P|%an|%s', 'main'], { encoding: 'utf8' }).trim().split('\n')
    expect(log[0]).toMatch(/^\w{40} \w{40}\|Ben Scholar\|Merge /)
    expect(log.map((l) => l.split('|')[2])).toEqual(expect.arrayContaining(['Ada: import and first reading', 'Ada: more', 'Ben: first pass']))
    // What is shared is the layout, texts and sources; never the single-file store, its backups or lock.
    const tree = execFileSync('git', ['-C', join(tmp.dir, 'server', 'seminar.git'), 'ls-tree', '-r', '--name-only', 'main'], { encoding: 'utf8' }).trim().split('\n')
    expect(tree).toEqual(expect.arrayContaining(['marginalia.json', 'documents.jsonl', `annotations/${docId}.jsonl`, '.gitignore']))
    expect(tree.some((p) => p.startsWith('texts/')) && tree.some((p) => p.startsWith('sources/'))).toBe(true)
    expect(tree.filter((p) => p === 'project.json' || p.startsWith('backups/') || p.includes('.lock'))).toEqual([])
    // Pushes needed credentials (asked through onAuth), and they were written nowhere.
    expect(server.log.some((r) => r.path.includes('git-receive-pack') && r.auth)).toBe(true)
    for (const file of [...allFiles(dirA), ...allFiles(dirB)]) {
      expect(readFileSync(file).includes(CREDENTIALS.password), file).toBe(false)
    }
  })

  it('says clearly when the server wants credentials and none or wrong ones were given', async () => {
    const dir = join(tmp.dir, 'anonymous')
    const s = await ProjectSession.open(dir, { create: true, author: ada.name })
    await s.api.importDocument({ fileName: 'john-vii.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })
    server.createRepo('closed')
    await expect(syncProject(s.store, { author: ada, remote: `${server.url}/closed.git` })).rejects.toThrow(/push: the git server wants valid credentials \(HTTP 401\)/)
    await expect(syncProject(s.store, { author: ada, onAuth: () => ({ cancel: true }) })).rejects.toThrow(/push: the git server wants credentials/)
    const viaApi = await s.api.syncProject({ username: 'historian', password: 'wrong' })
    expect(viaApi).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await s.api.syncProject({ username: CREDENTIALS.user, password: CREDENTIALS.password })).ok).toBe(true)
    await s.close()
  })

  it('refuses a remote URL with credentials in it', async () => {
    const dir = join(tmp.dir, 'careless')
    await expect(cloneProject(dir, `http://historian:s3cret-token@127.0.0.1:1/x.git`)).rejects.toThrow(/leave the user name and password out of the URL/)
  })
})
