/**
 * The text files beside project.json, as a historian meets them: a missing text is named with what
 * to do and reads again once put back; an edited one is named with both checksums, also when it was
 * edited after being read; a document naming a file outside texts/ is refused, as are such names on
 * save; an unreadable file is reported as what it is, not as missing; source copies keep only a
 * plain extension.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { folder } from './store-test-kit'

const TEXT = 'In 1390 John VII seized Constantinople.'
const EDITED = 'In the year 1390 John VII seized Constantinople.'
const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')

function storedDocument(id: string, extra: Record<string, unknown> = {}) {
  return {
    id, title: 'Chronicle', format: 'text', role: 'text', sha256: sha(TEXT), fileName: 'chronicle.txt', length: [...TEXT].length,
    structure: [{ kind: 'paragraph', start: 0, end: [...TEXT].length }], metadata: { categories: [] },
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', textFile: `${id}.txt`, textSha256: sha(TEXT), ...extra
  }
}

/** A project with document doc_1 whose text is TEXT, saved the way the importer saves it. */
async function project() {
  const dir = folder()
  const store = await FileProjectStore.open(dir, { create: true })
  await store.saveText('doc_1', TEXT)
  await store.transact('import', (tx) => tx.put('documents', storedDocument('doc_1') as never))
  return { dir, store, file: join(dir, 'texts', 'doc_1.txt') }
}

/** A project whose document doc_1 was recorded before texts had checksums (its file written by an old version). */
async function oldProject() {
  const dir = folder()
  mkdirSync(join(dir, 'texts'), { recursive: true })
  writeFileSync(join(dir, 'texts', 'doc_1.txt'), TEXT)
  const store = await FileProjectStore.open(dir, { create: true })
  await store.transact('import', (tx) => tx.put('documents', storedDocument('doc_1', { textSha256: undefined }) as never))
  expect(store.snapshot().documents.doc_1.textSha256).toBeUndefined()
  return store
}

describe('reading a document’s text', () => {
  it('a text file gone is named with what to do, and reads again once put back', async () => {
    const { store, file } = await project()
    rmSync(file)
    await store.checkTexts() // forgets what was read
    await expect(store.readText('doc_1')).rejects.toMatchObject({
      code: 'invalid-file', message: `${file}: the text of document doc_1 is missing; restore the file or delete the document`
    })
    writeFileSync(file, TEXT)
    await expect(store.readText('doc_1')).resolves.toBe(TEXT)
    await store.close()
  })

  it('a text edited outside Marginalia is refused, naming the file and both checksums', async () => {
    const { store, file } = await project()
    writeFileSync(file, EDITED)
    await store.checkTexts()
    await expect(store.readText('doc_1')).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringContaining(`${file} was changed outside Marginalia (sha256 ${sha(EDITED).slice(0, 12)}…, recorded ${sha(TEXT).slice(0, 12)}…)`)
    })
    await store.close()
  })

  it('an edit made after the text was read is noticed by the check, and the text is read again', async () => {
    const { store, file } = await project()
    await expect(store.readText('doc_1')).resolves.toBe(TEXT)
    writeFileSync(file, EDITED)
    expect(await store.checkTexts()).toEqual([{ documentId: 'doc_1', title: 'Chronicle', file, problem: 'changed', expected: sha(TEXT), actual: sha(EDITED) }])
    await expect(store.readText('doc_1')).rejects.toMatchObject({ code: 'invalid-file' })
    await store.close()
  })

  it('a text file that cannot be read is reported as what went wrong, not as missing', async () => {
    const { store, file } = await project()
    rmSync(file)
    mkdirSync(file) // a folder where the file should be
    await expect(store.checkTexts()).rejects.toMatchObject({ code: 'EISDIR' })
    await store.close()
  })

  it('a document recorded before texts had checksums is read as it is', async () => {
    const store = await oldProject()
    expect(await store.checkTexts()).toEqual([])
    await expect(store.readText('doc_1')).resolves.toBe(TEXT)
    await store.close()
  })

  it('an unknown document is not found, by its id', async () => {
    const { store } = await project()
    await expect(store.readText('doc_404')).rejects.toMatchObject({ code: 'not-found', message: 'no document doc_404' })
    await expect(store.textIndex('doc_404')).rejects.toMatchObject({ code: 'not-found' })
    await store.close()
  })

  it('a document naming a text file outside texts/ is refused, naming project.json, the document and the file', async () => {
    const { dir, store } = await project()
    await store.transact('edit', (tx) => tx.put('documents', storedDocument('doc_2', { textFile: '../outside.txt' }) as never))
    await expect(store.readText('doc_2')).rejects.toMatchObject({
      code: 'invalid-file', message: `${join(dir, 'project.json')}: document doc_2 names a bad text file "../outside.txt"`
    })
    await store.close()
  })
})

describe('using a text already in hand', () => {
  it('is taken only when it is the recorded text', async () => {
    const { store, file } = await project()
    expect(() => store.useVerifiedText('doc_1', EDITED)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: 'that is not the recorded text of document doc_1' }))
    expect(() => store.useVerifiedText('doc_404', TEXT)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: 'that is not the recorded text of document doc_404' }))
    rmSync(file)
    await store.checkTexts()
    store.useVerifiedText('doc_1', TEXT)
    await expect(store.readText('doc_1')).resolves.toBe(TEXT) // not read from the (removed) file
    await store.close()
  })

  it('is refused for a document without a recorded checksum', async () => {
    const store = await oldProject()
    expect(() => store.useVerifiedText('doc_1', TEXT)).toThrow(expect.objectContaining({ code: 'invalid-argument' }))
    await store.close()
  })
})

describe('saving files', () => {
  it('refuses a text file name that could leave texts/, and writes nothing', async () => {
    const { dir, store } = await project()
    for (const name of ['../evil.txt', 'a.txt/../../b.txt', 'notes.md']) {
      await expect(store.saveText('doc_1', TEXT, name)).rejects.toMatchObject({ code: 'invalid-argument', message: `bad text file name ${name}` })
    }
    expect(readdirSync(join(dir, 'texts'))).toEqual(['doc_1.txt'])
    expect(existsSync(join(dir, 'evil.txt')) || existsSync(join(dir, 'b.txt'))).toBe(false)
    await store.close()
  })

  it('keeps a source under its checksum with a plain extension only, lower-cased', async () => {
    const { dir, store } = await project()
    const bytes = new TextEncoder().encode('%PDF-1.4 a scan')
    for (const ext of ['.PDF', '.tar.gz', '../x.pdf', '']) expect(await store.saveSource(bytes, ext)).toBe(sha(bytes))
    expect(readdirSync(join(dir, 'sources')).sort()).toEqual([sha(bytes), `${sha(bytes)}.pdf`])
    await store.close()
  })
})
