/**
 * W3C import keeps who made each annotation: the `creator` Marginalia's export writes (a Person
 * with the ORCID URL as its id) becomes the record's `createdBy` again, verdicts' creators their
 * `by` and `byOrcid`; through the services the importing historian is not stamped over it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { exportW3c } from '../../../../src/shared/export/w3c'
import { anchorW3cAnnotations, parseW3cAnnotations } from '../../../../src/shared/import/w3c-annotations'
import { materialiseW3cImport } from '../../../../src/shared/import/w3c-materialise'
import type { Annotation, ProjectData } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { fixtureProject } from '../../../helpers/export-fixture'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const AT = '2026-12-05T10:00:00.000Z'
const ADA = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
const BEN = { name: 'Ben Jonson' }

/** The fixture with authorship: every annotation made by Ada, the second one changed by Ben; verdicts by Ben with an ORCID. */
function authored(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  const anns = Object.values(data.annotations).filter((a) => a.documentId === 'doc_1')
  anns.forEach((a, i) => {
    data.annotations[a.id] = {
      ...a, createdBy: ADA, modifiedBy: i === 1 ? BEN : ADA,
      citations: a.citations.map((c) => (c.verification ? { ...c, verification: { ...c.verification, by: 'Carla Ginzburg', byOrcid: '0000-0001-5109-3700' } } : c))
    }
  })
  return { data, texts }
}

function reimport(file: string, data: ProjectData, text: string) {
  const parsed = parseW3cAnnotations(JSON.parse(file))
  const anchored = anchorW3cAnnotations(new CodePointIndex(text), parsed.annotations)
  let n = 0
  const fresh: ProjectData = { ...data, annotations: {}, entities: {}, citations: {}, relations: {} }
  return { parsed, m: materialiseW3cImport(fresh, [{ documentId: 'doc_1', anchored }], { newId: (p) => `${p}_${++n}`, now: AT, author: 'Importer' }, parsed.problems) }
}

describe('W3C creator → createdBy', () => {
  it('export → import gives every annotation its creator (with ORCID) back, and verdicts their checker', () => {
    const { data, texts } = authored()
    const out = exportW3c({ data, texts, scope: { documentId: 'doc_1' }, options: {}, exportedAt: AT })
    const { parsed, m } = reimport(out.files[0].content as string, data, texts.doc_1)
    expect(parsed.problems).toEqual([])
    const before = Object.values(data.annotations).filter((a) => a.documentId === 'doc_1').sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
    const after = [...m.annotations].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
    expect(after.length).toBe(before.length)
    expect(after.map((a) => a.createdBy)).toEqual(before.map((a) => a.createdBy))
    // W3C has no "last changed by" (the export lists it as lost): the creator is the last modifier known.
    expect(after.map((a) => a.modifiedBy)).toEqual(before.map(() => ADA))
    const verdicts = (xs: Annotation[]) => xs.flatMap((a) => a.citations.flatMap((c) => (c.verification ? [[c.verification.by, c.verification.byOrcid]] : [])))
    expect(verdicts(before).length).toBeGreaterThan(0)
    expect(verdicts(after)).toEqual(verdicts(before))

    // And exported again, the creators are the same agents.
    const again = exportW3c({ data: { ...data, annotations: Object.fromEntries(after.map((a) => [a.id, a])) }, texts, scope: { documentId: 'doc_1' }, options: {}, exportedAt: AT })
    const creators = (f: string) => (JSON.parse(f).first.items as { creator: unknown }[]).map((i) => JSON.stringify(i.creator)).sort()
    expect(creators(again.files[0].content as string)).toEqual(creators(out.files[0].content as string))
    expect(creators(out.files[0].content as string)[0]).toContain('https://orcid.org/0000-0002-1825-0097')
  })

  it('reads other tools’ creators: a plain name, a FOAF agent with a nickname; a bad ORCID is reported and the name kept', () => {
    const { data, texts } = fixtureProject()
    const item = (id: string, creator: unknown) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'Annotation', creator,
      target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: texts.doc_1.slice(0, 4) } }
    })
    const file = JSON.stringify([
      item('a1', 'Dana Hay'),
      item('a2', { type: 'Person', nickname: 'eve' }),
      item('a3', { id: 'https://orcid.org/0000-0002-1825-0098', type: 'Person', name: 'Wrong Digit' }),
      item('a4', undefined)
    ])
    const { parsed, m } = reimport(file, data, texts.doc_1)
    expect(m.annotations.map((a) => a.createdBy)).toEqual([{ name: 'Dana Hay' }, { name: 'eve' }, { name: 'Wrong Digit' }, undefined])
    expect(parsed.problems).toEqual(['annotation a3: creator https://orcid.org/0000-0002-1825-0098 is not a valid ORCID iD; the name is kept without it'])
  })

  describe('through the services', () => {
    const tmp = tempDir('marginalia-w3c-creator-')
    afterAll(() => tmp.cleanup())

    it('the file’s creator stays the author; an annotation without creator gets the importing historian', async () => {
      const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message)
        return r.value
      }
      const ada = await ProjectSession.open(join(tmp.dir, 'ada'), { create: true, author: ADA })
      const text = readFileSync(SEED_PATH)
      const docA = ok(await ada.api.importDocument({ fileName: 'john-vii.txt', contentBase64: text.toString('base64') })).id
      ok(await ada.api.annotateQuote({ documentId: docA, quote: 'Manuel II', occurrence: 1, tags: ['ruler'] }))
      const exported = ok(await ada.api.exportProject({ format: 'w3c', documentId: docA }))
      await ada.close()

      const ben = await ProjectSession.open(join(tmp.dir, 'ben'), { create: true, author: BEN })
      const docB = ok(await ben.api.importDocument({ fileName: 'john-vii.txt', contentBase64: text.toString('base64') })).id
      const w3c = JSON.parse(exported.files[0].content) as { first: { items: Record<string, unknown>[] } }
      w3c.first.items.push({ ...w3c.first.items[0], id: 'urn:x:anonymous', creator: undefined })
      ok(await ben.api.importAnnotations({ documentId: docB, fileName: 'ada.jsonld', contentBase64: Buffer.from(JSON.stringify(w3c)).toString('base64') }))
      const imported = ok(await ben.api.listAnnotations({ documentId: docB }))
      // Both annotations cover the same words, made at the same moment: document order ties them by
      // their (random) ids, so the test does not rely on which comes first.
      const authors = imported.map((a) => [a.createdBy, a.modifiedBy])
      expect(authors).toHaveLength(2)
      expect(authors).toEqual(expect.arrayContaining([[ADA, ADA], [BEN, BEN]]))
      await ben.close()
    })
  })
})
