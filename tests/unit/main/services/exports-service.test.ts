import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { MarginaliaApi } from '../../../../src/shared/api'
import type { Result } from '../../../../src/shared/result'

const SEED = resolve(process.cwd(), 'documents/john-vii-palaiologos.txt') // ships with the app
const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

describe.skipIf(!existsSync(SEED))('exports service (real seed article)', () => {
  let root: string
  const sessions: ProjectSession[] = []
  let api: MarginaliaApi
  let docId: string

  const open = async (name: string) => {
    const s = await ProjectSession.open(join(root, name), { create: true, author: 'tester' })
    sessions.push(s)
    return s.api
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-exports-'))
    api = await open('a')
    const bytes = await readFile(SEED)
    docId = unwrap(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: bytes.toString('base64') })).id
    unwrap(await api.annotateQuote({ documentId: docId, quote: 'Bayezid', occurrence: 1, tags: ['ottoman'], note: 'a "note", with\nnewline' }))
    unwrap(await api.annotateQuote({ documentId: docId, quote: 'John VII', occurrence: 1, color: '#ffcc00' }))
  })
  afterAll(async () => {
    for (const s of sessions) await s.close()
    await rm(root, { recursive: true, force: true })
  })

  it('exports JSON that imports into an empty project and exports to the same bytes', async () => {
    const first = unwrap(await api.exportProject({ format: 'json' }))
    const b = await open('b')
    const imported = unwrap(await b.importProjectJson({ fileName: 'p.json', content: first.files[0].content }))
    expect(imported.counts).toMatchObject({ documents: 1, annotations: 2 })
    const doc = unwrap(await b.getDocument({ id: docId }))
    expect(doc.text).toBe(unwrap(await api.getDocument({ id: docId })).text)
    const second = unwrap(await b.exportProject({ format: 'json' }))
    expect(second.files[0].content).toBe(first.files[0].content)
    // A second import is refused and changes nothing.
    const again = await b.importProjectJson({ fileName: 'p.json', content: first.files[0].content })
    expect(again.ok).toBe(false)
    expect(unwrap(await b.listAnnotations({}))).toHaveLength(2)
  })

  it('writes the files and the loss report side file into the chosen folder', async () => {
    const folder = join(root, 'out')
    sessions[0].exportFolders.grant(folder) // as the folder dialog does when the historian picks it
    const written = unwrap(await api.writeExport({ format: 'json', folder }))
    expect((await readdir(folder)).sort()).toEqual(['a.marginalia.json', 'a.marginalia.losses.json'])
    const report = JSON.parse(await readFile(written.paths[1], 'utf8'))
    expect(report.losses).toEqual(written.losses)
    expect(report.files).toEqual(['a.marginalia.json'])
  })

  it('a file from before authorship was recorded keeps its annotators, not the importing historian', async () => {
    const file = JSON.parse(unwrap(await api.exportProject({ format: 'json' })).files[0].content)
    for (const c of ['annotations', 'entities', 'citations', 'relations']) {
      for (const r of file[c]) (delete r.createdBy, delete r.modifiedBy)
    }
    const s = await ProjectSession.open(join(root, 'legacy'), { create: true, author: 'Someone Else' })
    sessions.push(s)
    unwrap(await s.api.importProjectJson({ fileName: 'old.json', content: JSON.stringify(file) }))
    const annotations = unwrap(await s.api.listAnnotations({}))
    expect(annotations).toHaveLength(2)
    // The rule of the schema-3 migration (src/shared/team/legacy-authorship.ts): the recorded annotator made it.
    for (const a of annotations) expect(a).toMatchObject({ createdBy: { name: a.author }, modifiedBy: { name: a.author } })
    expect(annotations.map((a) => a.createdBy?.name)).not.toContain('Someone Else')
  })

  it('refuses an invalid file without changing the project', async () => {
    const c = await open('c')
    const r = await c.importProjectJson({ fileName: 'broken.json', content: '{"format":"marginalia","version":1}' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/^broken\.json: /) })
    expect(unwrap(await c.listDocuments({}))).toHaveLength(0)
  })

  it('reports an unknown document and runs as a cancellable job', async () => {
    const r = await api.exportProject({ format: 'json', documentId: 'doc_nope' })
    expect(r.ok || r.error.code).toBe('not-found')
    const job = unwrap(await api.startJob({ method: 'exportProject', args: { format: 'json' } }))
    const cancelled = unwrap(await api.cancelJob({ id: job.id }))
    expect(cancelled.status).toBe('cancelled')
    const done = unwrap(await api.startJob({ method: 'exportProject', args: { format: 'json' } }))
    let state = done
    for (let i = 0; i < 100 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10))
      state = unwrap(await api.getJob({ id: done.id }))
    }
    expect(state.status).toBe('done')
    expect(state.done).toBe(state.total)
  })
})
