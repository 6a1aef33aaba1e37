import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { Annotation } from '../../../../src/shared/model'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

let session: ProjectSession
let cleanup: () => void
let docId: string
const seed = readFileSync(SEED_PATH, 'utf8')
const b64 = (s: string) => Buffer.from(s).toString('base64')
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

beforeEach(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  session = await ProjectSession.open(t.dir, { create: true })
  docId = value(await session.api.importDocument({ fileName: 'john-vii.txt', contentBase64: b64(seed) })).id
})
afterEach(async () => {
  await session.close()
  cleanup()
})

describe('re-importing a new version of a document', () => {
  it('re-anchors shifted passages, moves edited ones, and keeps what vanished as orphans for review', async () => {
    const annotate = async (quote: string) => value(await session.api.annotateQuote({ documentId: docId, quote, tags: ['t'] }))
    const shifted = await annotate('Keratsa of Bulgaria')
    const edited = await annotate('relations improved with Manuel II')
    const removed = await annotate('He should not be confused with his cousin John VIII Palaiologos')

    // The new version: a sentence added at the top, a word changed inside one quote, one sentence cut.
    const next = seed
      .replace('John VII Palaiologos (or Palaeologus)', 'John VII Palaiologos (also spelt Palaeologus)')
      .replace('relations improved with Manuel II', 'relations improved markedly with Manuel II')
      .replace(' He should not be confused with his cousin John VIII Palaiologos, the son of his uncle Manuel II, who succeeded his father.', '')
    const result = value(await session.api.reimportDocument({ id: docId, fileName: 'john-vii-v2.txt', contentBase64: b64(next) }))
    expect(result.unchanged).toBe(false)
    expect(result.counts).toEqual({ anchored: 1, moved: 1, orphaned: 1 })
    expect(result.orphans.map((o) => o.annotationId)).toEqual([removed.id])

    const text = value(await session.api.getDocument({ id: docId })).text
    const byId = new Map(value(await session.api.listAnnotations({ documentId: docId })).map((a) => [a.id, a] as [string, Annotation]))
    const slice = (a: Annotation) => [...text].slice(a.target.start, a.target.end).join('')
    expect(byId.get(shifted.id)!.status).toBe('anchored')
    expect(slice(byId.get(shifted.id)!)).toBe('Keratsa of Bulgaria')
    expect(byId.get(shifted.id)!.target.start).toBe(shifted.target.start + 'also spelt'.length - 'or'.length)
    expect(byId.get(edited.id)!.status).toBe('moved')
    expect(slice(byId.get(edited.id)!)).toMatch(/relations improved markedly with Manuel II/)
    expect(byId.get(removed.id)!.status).toBe('orphaned')
    expect(byId.get(removed.id)!.target.exact).toBe(removed.target.exact)
  })

  it('is one undoable edit that brings the old text and anchors back', async () => {
    const a = value(await session.api.annotateQuote({ documentId: docId, quote: 'Keratsa of Bulgaria' }))
    await session.api.reimportDocument({ id: docId, fileName: 'v2.txt', contentBase64: b64('[[John VII]]\n\nNew short text about Keratsa of Bulgaria.\n') })
    expect(value(await session.api.getDocument({ id: docId })).text).toMatch(/^John VII\n\nNew short text/)
    await session.api.undo({})
    expect(value(await session.api.getDocument({ id: docId })).text.startsWith('John VII Palaiologos\n\nJohn VII Palaiologos (or')).toBe(true)
    expect(value(await session.api.listAnnotations({ documentId: docId }))[0].target).toEqual(a.target)
  })

  it('reports identical bytes as unchanged and refuses a bad file without changing anything', async () => {
    const before = value(await session.api.getDocument({ id: docId }))
    const history = value(await session.api.getHistory({}))
    expect(value(await session.api.reimportDocument({ id: docId, fileName: 'same.txt', contentBase64: b64(seed) })).unchanged).toBe(true)
    const bad = await session.api.reimportDocument({ id: docId, fileName: 'v3.txt', contentBase64: Buffer.from([0xff, 0xfe, 0x41]).toString('base64') })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
    expect(value(await session.api.getDocument({ id: docId }))).toEqual(before)
    expect(value(await session.api.getHistory({}))).toEqual(history)
  })
})
