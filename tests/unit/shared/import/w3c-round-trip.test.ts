/**
 * W3C export → import into a fresh copy of the document → export again gives the same targets and
 * bodies. Identifiers minted per project (urn:uuid of documents, and of entities and citations
 * without an authority or DOI/URL) necessarily differ between the two projects, so they are
 * compared up to a consistent renaming (first appearance order).
 */
import { describe, expect, it } from 'vitest'
import { exportW3c } from '../../../../src/shared/export/w3c'
import { anchorW3cAnnotations, parseW3cAnnotations } from '../../../../src/shared/import/w3c-annotations'
import { materialiseW3cImport } from '../../../../src/shared/import/w3c-materialise'
import type { ProjectData } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { fixtureProject } from '../../../helpers/export-fixture'
import { validateExport } from '../../../helpers/w3c-validate'

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const AT = '2026-11-26T12:00:00.000Z'

/** Items with annotation ids dropped and urn:uuid IRIs renamed by first appearance. */
function comparable(items: J[]): unknown {
  const names = new Map<string, string>()
  const json = JSON.stringify(items.map(({ id: _id, ...rest }) => rest))
  return JSON.parse(json.replace(/urn:uuid:[0-9a-f-]{36}/g, (m) => {
    if (!names.has(m)) names.set(m, `urn:uuid:#${names.size}`)
    return names.get(m)!
  }))
}

describe('W3C round trip', () => {
  it('export → import into a fresh copy of the document → export gives the same targets and bodies', () => {
    const { data, texts } = fixtureProject()
    const first = exportW3c({ data, texts, scope: { documentId: 'doc_1' }, options: {}, exportedAt: AT })
    const items1 = JSON.parse(first.files[0].content as string).first.items as J[]

    // A fresh project holding only a copy of the document (new ids, same text).
    const fresh: ProjectData = {
      ...data, project: { id: 'urn:uuid:00000000-0000-4000-8000-00000000f00d', name: 'Fresh copy', created: AT },
      documents: { doc_copy: { ...data.documents.doc_1, id: 'doc_copy' } },
      annotations: {}, entities: {}, citations: {}, relations: {}, tags: {}, rejectedSuggestions: {}
    }
    const parsed = parseW3cAnnotations(JSON.parse(first.files[0].content as string))
    expect(parsed.problems).toEqual([])
    const anchored = anchorW3cAnnotations(new CodePointIndex(texts.doc_1), parsed.annotations)
    let n = 0
    const m = materialiseW3cImport(fresh, [{ documentId: 'doc_copy', anchored }], { newId: (p) => `${p}_${String(++n).padStart(5, '0')}`, now: AT, author: 'Nobody' })
    expect(m.report).toMatchObject({ imported: items1.length, anchored: items1.length, orphaned: 0, problems: [] })
    for (const a of m.annotations) fresh.annotations[a.id] = a
    for (const e of m.entities) fresh.entities[e.id] = e
    for (const c of m.citations) fresh.citations[c.id] = c

    const second = exportW3c({ data: fresh, texts: { doc_copy: texts.doc_1 }, scope: { documentId: 'doc_copy' }, options: {}, exportedAt: AT })
    const items2 = JSON.parse(second.files[0].content as string).first.items as J[]
    expect(comparable(items2)).toEqual(comparable(items1))
    expect(validateExport(JSON.parse(second.files[0].content as string), [])).toEqual([])
  })
})
