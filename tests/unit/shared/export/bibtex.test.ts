import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readBibliography } from '../../../../src/shared/bib/read-bibliography'
import { changedFields, exportBibtex } from '../../../../src/shared/export/bibtex'
import type { CslItem } from '../../../../src/shared/model'
import { GREEK, MILETUS_BIBLATEX, miletusItems, projectWith, ZACHARIADOU } from './citations-fixture'

function roundTrip(items: CslItem[], dialect?: string) {
  const data = projectWith(items)
  const out = exportBibtex({ data, texts: {}, scope: {}, options: { dialect }, exportedAt: '' })
  const back = readBibliography('bibliography.bib', new TextEncoder().encode(out.files[0].content as string))
  return { out, back, before: Object.values(data.citations).map((c) => c.item) }
}

describe('BibTeX export', () => {
  it('re-imports to the same items (Greek, Cyrillic, Turkish, BibTeX special characters)', () => {
    const { out, back, before } = roundTrip([ZACHARIADOU, GREEK])
    expect(back.skipped).toEqual([])
    expect(back.items).toHaveLength(2)
    back.items.forEach((b, i) => expect(changedFields(before[i], b.item)).toEqual([]))
    expect(out.files[0].content).toContain('Ἑστία Βουλαῖα')
    // Only what BibTeX has no place for: the items' record times and Marginalia ids (entries keep their keys).
    expect(out.losses.filter((l) => l.what.startsWith('CSL field'))).toEqual([])
    expect(out.losses.flatMap((l) => l.fields)).toEqual(['citations.created', 'citations.modified', 'citations.id', 'citations.item.id'])
  })

  it('in classic BibTeX, lists what did not survive', () => {
    const { out } = roundTrip([{ ...ZACHARIADOU, 'container-title-short': 'DOP', language: 'en' }], 'bibtex')
    expect(out.files[0].content).toMatch(/^@article\{Zachariadou1977John,/)
    expect(out.losses.map((l) => l.what)).toContain('CSL field not carried exactly by BibTeX: container-title-short')
  })

  it('counts each field that did not survive over all items, and names the entries by their keys', () => {
    const { out } = roundTrip([{ ...ZACHARIADOU, 'container-title-short': 'DOP', 'reviewed-genre': 'x' }, { ...GREEK, 'container-title-short': 'E' }], 'bibtex')
    expect(out.files[0]).toMatchObject({ name: 'bibliography.bib', mediaType: 'application/x-bibtex' })
    const lost = out.losses.filter((l) => l.what.startsWith('CSL field'))
    expect(lost.map((l) => l.what)).toEqual([...lost.map((l) => l.what)].sort())
    expect(lost).toContainEqual({ what: 'CSL field not carried exactly by BibTeX: container-title-short', count: 2, fields: ['citations.item.container-title-short'] })
    expect(lost).toContainEqual({ what: 'CSL field not carried exactly by BibTeX: reviewed-genre', count: 1, fields: ['citations.item.reviewed-genre'] })
    expect(out.losses).toContainEqual({ what: 'Marginalia ids of the items (entries are keyed by their citation keys)', count: 2, fields: ['citations.id', 'citations.item.id'] })
    const biblatex = roundTrip([{ ...ZACHARIADOU, 'reviewed-genre': 'x' }]).out
    expect(biblatex.losses.map((l) => l.what)).toContain('CSL field not carried exactly by BibLaTeX: reviewed-genre')
  })

  it('names the dialect written when it lists what a bibliography file cannot hold', () => {
    const data = projectWith([ZACHARIADOU])
    data.tags = { t: { id: 't', color: '#fff' } }
    const lossFor = (dialect?: string) => exportBibtex({ data, texts: {}, scope: {}, options: { dialect }, exportedAt: '' }).losses.find((l) => l.fields?.includes('tags'))
    expect(lossFor('bibtex')?.what).toBe('tags and their colours (BibTeX holds bibliographic items only; use the JSON or W3C export for the passages citing them)')
    expect(lossFor()?.what).toBe('tags and their colours (BibLaTeX holds bibliographic items only; use the JSON or W3C export for the passages citing them)')
  })

  it('writes an empty file for an empty bibliography, with nothing lost but the empty bibliography itself', () => {
    const out = exportBibtex({ data: projectWith([]), texts: {}, scope: {}, options: {}, exportedAt: '' })
    expect(out.files).toEqual([{ name: 'bibliography.bib', mediaType: 'application/x-bibtex', content: '' }])
    expect(out.losses.filter((l) => l.what.startsWith('CSL field') || l.what.startsWith('Marginalia ids'))).toEqual([])
  })

  it('compares fields whatever the order of their keys, and counts every field of an item that did not come back', () => {
    const issued = { 'date-parts': [[1977, 5]], circa: true }
    expect(changedFields({ id: 'a', type: 'book', issued }, { id: 'b', 'citation-key': 'k', type: 'book', issued: { circa: true, 'date-parts': [[1977, 5]] } })).toEqual([])
    expect(changedFields({ id: 'a', type: 'book', title: 'T', 'citation-key': 'k' }, undefined)).toEqual(['type', 'title'])
    expect(changedFields({ id: 'a', type: 'book', title: 'T' }, { id: 'a', type: 'book', title: 't' })).toEqual(['title'])
  })

  // Corpus-sized: left out of mutation runs (minutes per mutant under instrumentation), run in npm test.
  it.skipIf(!existsSync(MILETUS_BIBLATEX) || process.env.MARGINALIA_MUTATION === '1')('round-trips the 1,394 Miletus entries, the few differences listed', () => {
    const { out, back, before } = roundTrip(miletusItems())
    expect(back.items).toHaveLength(1394)
    expect(back.skipped).toEqual([])
    // Same keys as the source file.
    expect(back.items[0].key).toBe('tanman_2011_SunusIntroduction')
    let changed = 0
    back.items.forEach((b, i) => (changed += changedFields(before[i], b.item).length))
    const reported = out.losses.filter((l) => l.what.startsWith('CSL field')).reduce((n, l) => n + l.count, 0)
    expect(reported).toBe(changed)
    // Only two items whose publisher is a list in the source come back different.
    expect(out.losses.filter((l) => l.what.startsWith('CSL field'))).toEqual([{ what: 'CSL field not carried exactly by BibLaTeX: publisher', count: 2, fields: ['citations.item.publisher'] }])
  })
})
