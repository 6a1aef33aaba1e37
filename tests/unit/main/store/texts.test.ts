/**
 * Texts edited outside Marginalia: noticed on read (annotations would mark other words), listed by
 * listTextProblems, surfaced by exports as an error, and accepted as a new version with the
 * annotations re-anchored. Old projects get the sha256 by migration, after a forced backup.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../../../src/shared/model'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { folder } from './store-test-kit'

const TEXT = 'In 1390 John VII seized Constantinople.\n\nHe held it for five months.'
const b64 = (s: string) => Buffer.from(s).toString('base64')

async function project(dir: string) {
  const session = await ProjectSession.open(dir, { create: true })
  const doc = await session.api.importDocument({ fileName: 'john.txt', contentBase64: b64(TEXT) })
  if (!doc.ok) throw new Error(doc.error.message)
  const start = [...TEXT].indexOf('C') // "Constantinople"
  const ann = await session.api.createAnnotation({ documentId: doc.value.id, start, end: start + 14 })
  if (!ann.ok) throw new Error(ann.error.message)
  return { session, documentId: doc.value.id, annotationId: ann.value.id, file: join(dir, 'texts', `${doc.value.id}.txt`) }
}

describe('texts edited outside Marginalia', () => {
  it('are reported on read and by exports instead of marking other words', async () => {
    const dir = folder()
    const { session, documentId, file } = await project(dir)
    await session.close()
    writeFileSync(file, TEXT.replace('In 1390', 'In the year 1390')) // the historian "fixes" the text by hand
    const again = await ProjectSession.open(dir)
    const doc = await again.api.getDocument({ id: documentId })
    expect(doc.ok ? 'ok' : doc.error.message).toMatch(/texts\/doc_\w+\.txt was changed outside Marginalia .*Accept the edited text/)
    const exported = await again.api.exportProject({ format: 'csv' })
    expect(exported.ok ? 'ok' : exported.error.message).toMatch(/changed outside Marginalia/)
    const problems = await again.api.listTextProblems({})
    expect(problems.ok && problems.value).toEqual([expect.objectContaining({ documentId, problem: 'changed', file })])
    await again.close()
  })

  it('can be accepted as the new version: the annotation is re-anchored onto the same words', async () => {
    const dir = folder()
    const { session, documentId, annotationId, file } = await project(dir)
    writeFileSync(file, TEXT.replace('In 1390', 'In the year 1390'))
    const accepted = await session.api.acceptEditedText({ documentId })
    expect(accepted.ok && accepted.value.counts).toEqual({ anchored: 1, moved: 0, orphaned: 0 })
    const ann = await session.api.listAnnotations({ documentId })
    const doc = await session.api.getDocument({ id: documentId })
    if (!ann.ok || !doc.ok) throw new Error('read failed')
    const t = ann.value.find((a) => a.id === annotationId)!.target
    expect([...doc.value.text].slice(t.start, t.end).join('')).toBe('Constantinople')
    expect((await session.api.listTextProblems({})).ok).toBe(true)
    expect(await session.api.listTextProblems({})).toEqual({ ok: true, value: [] })
    await session.close()
  })

  it('lists a missing text file as missing', async () => {
    const dir = folder()
    const { session, documentId, file } = await project(dir)
    rmSync(file)
    const problems = await session.api.listTextProblems({})
    expect(problems.ok && problems.value).toEqual([expect.objectContaining({ documentId, problem: 'missing' })])
    await session.close()
  })
})

describe('migration from schema 1', () => {
  it('records each text’s sha256 after a forced backup of the old file, which stays readable', async () => {
    const dir = folder()
    const { session, documentId } = await project(dir)
    await session.close()
    const store = await FileProjectStore.open(dir, { readOnly: true })
    const doc = { ...store.data.documents[documentId] }
    delete doc.textSha256
    const v1 = { schemaVersion: 1, project: store.data.project, documents: { [documentId]: doc }, annotations: {}, tags: {} }
    await store.close()
    writeFileSync(join(dir, 'project.json'), JSON.stringify(v1))
    writeFileSync(join(dir, 'journal.jsonl'), '')
    const migrated = await FileProjectStore.open(dir)
    expect(migrated.data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(migrated.data.documents[documentId].textSha256).toMatch(/^[0-9a-f]{64}$/)
    const forced = readdirSync(join(dir, 'backups')).find((n) => n.endsWith(`-before-v${SCHEMA_VERSION}.json`))!
    expect(JSON.parse(readFileSync(join(dir, 'backups', forced), 'utf8'))).toEqual(v1)
    await migrated.close()
    writeFileSync(join(dir, 'texts', `${documentId}.txt`), 'edited')
    const after = await FileProjectStore.open(dir)
    await expect(after.readText(documentId)).rejects.toThrow(/changed outside Marginalia/)
    await after.close()
  })

  it('gives no checksum to a document whose text is missing or named outside texts/, and never reads such a file', async () => {
    const dir = folder()
    const { session, documentId } = await project(dir)
    await session.close()
    const store = await FileProjectStore.open(dir, { readOnly: true })
    const { textSha256: _, ...doc } = store.data.documents[documentId]
    const v1 = {
      schemaVersion: 1, project: store.data.project, annotations: {}, tags: {},
      documents: { [documentId]: doc, doc_gone: { ...doc, id: 'doc_gone', textFile: 'doc_gone.txt' }, doc_out: { ...doc, id: 'doc_out', textFile: '../outside.txt' } }
    }
    await store.close()
    writeFileSync(join(dir, 'outside.txt'), TEXT) // beside project.json, not in texts/
    writeFileSync(join(dir, 'project.json'), JSON.stringify(v1))
    writeFileSync(join(dir, 'journal.jsonl'), '')
    const migrated = await FileProjectStore.open(dir)
    expect(migrated.data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(migrated.data.documents[documentId].textSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(migrated.data.documents.doc_gone.textSha256).toBeUndefined()
    expect(migrated.data.documents.doc_out.textSha256).toBeUndefined()
    await migrated.close()
  })
})
