import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tokenise as tokenize } from '../../../../src/shared/text/tokenise'
import { DocumentSearchIndex } from '../../../../src/shared/search/document-index'
import { findHits } from '../../../../src/shared/search/find-hits'
import { parseQuery, QueryError } from '../../../../src/shared/search/query'
import { type SearchableDocument, searchDocuments } from '../../../../src/shared/search/search-documents'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { normaliseText } from '../../../../src/shared/text/normalise'
import { SEED_PATH } from '../../../helpers/temp-dir'

const SEED = normaliseText(readFileSync(SEED_PATH, 'utf8'))

function doc(id: string, text: string, title = id): SearchableDocument {
  return { id, title, index: DocumentSearchIndex.build(text), text: new CodePointIndex(text) }
}
const seed = doc('seed', SEED, 'John VII Palaiologos')

describe('search: what a historian types finds what the text writes', () => {
  it('a Greek query without accents finds the seed’s accented Greek name, with code point offsets', () => {
    const r = searchDocuments([seed], 'παλαιολογος', [])
    expect(r.total).toBe(1)
    const hit = r.documents[0].hits[0]
    expect(hit.exact).toBe('Παλαιολόγος')
    expect([...SEED].slice(hit.start, hit.end).join('')).toBe('Παλαιολόγος')
    expect(hit.left.endsWith("Ιωάννης Ζ' ")).toBe(true)
  })

  it('palaeologus finds Palæologus and Gibbon’s damaged PalÊologus; case is ignored', () => {
    const d = doc('d', 'Manuel Palæologus reigned.\n\nJohn PalÊologus fled. PALAEOLOGUS again.')
    const r = searchDocuments([d], 'palaeologus', [])
    expect(r.documents[0].hits.map((h) => h.exact)).toEqual(['Palæologus', 'PalÊologus', 'PALAEOLOGUS'])
  })

  it('offsets count code points after astral characters (𝔊 is two UTF-16 units, one code point)', () => {
    const text = '𝔊𝔊 ruled 🏛 Constantinople'
    const r = searchDocuments([doc('a', text)], 'constantinople', [])
    const hit = r.documents[0].hits[0]
    expect(hit.start).toBe([...'𝔊𝔊 ruled 🏛 '].length)
    expect(hit.end - hit.start).toBe('Constantinople'.length)
    expect(hit.left).toBe('𝔊𝔊 ruled 🏛 ')
  })

  it('a phrase is consecutive words, across a hard line break, and not a scattered match', () => {
    const d = doc('g', 'the emperor John\nVII was crowned; John the Good and VII others.')
    expect(searchDocuments([d], '"John VII"', []).documents[0].hits.map((h) => h.exact)).toEqual(['John\nVII'])
    expect(searchDocuments([d], 'John VII', []).total).toBe(4) // both words anywhere in the paragraph
  })

  it('unquoted words must share a paragraph; each occurrence is a hit', () => {
    const d = doc('p', 'Bajazet besieged the city.\n\nTimour defeated Bajazet at Angora.')
    const r = searchDocuments([d], 'Timour Bajazet', [])
    expect(r.documents[0].hits.map((h) => h.exact)).toEqual(['Timour', 'Bajazet'])
  })

  it('prefix, wildcard and near-spelling queries', () => {
    const d = doc('w', 'Bayezid, Bayazid and Bajazet; Palaiologos and Palaeologus; Palace.')
    expect(searchDocuments([d], 'pala*', []).documents[0].hits.map((h) => h.exact)).toEqual(['Palaiologos', 'Palaeologus', 'Palace'])
    expect(searchDocuments([d], 'Bay?zid', []).documents[0].hits.map((h) => h.exact)).toEqual(['Bayezid', 'Bayazid'])
    expect(searchDocuments([d], 'B*z*d', []).total).toBe(2)
    expect(searchDocuments([d], 'Palaiologos~', []).documents[0].hits.map((h) => h.exact)).toEqual(['Palaiologos', 'Palaeologus'])
  })

  it('a possessive or hyphenated word is found as written', () => {
    const d = doc('m', "Manuel's brother, a co-emperor; Manuel himself.")
    expect(searchDocuments([d], 'Manuel', []).documents[0].hits.map((h) => h.exact)).toEqual(["Manuel's", 'Manuel'])
    expect(searchDocuments([d], 'co-emperor', []).documents[0].hits.map((h) => h.exact)).toEqual(['co-emperor'])
  })

  it('an entity’s aliases are spellings of the query: Bajazet finds Bayezid I, the longer name winning', () => {
    const d = doc('v', 'Bayezid I besieged Constantinople. Gibbon calls him Bajazet. Yıldırım Bayezid was feared.')
    const ent = { id: 'ent_bayezid', label: 'Bayezid I', aliases: ['Bajazet', 'Bayezid', 'Yıldırım Bayezid'] }
    const r = searchDocuments([d], 'Bajazet', [ent])
    expect(r.documents[0].hits.map((h) => h.exact)).toEqual(['Bayezid I', 'Bajazet', 'Yıldırım Bayezid'])
    expect(r.documents[0].hits.every((h) => h.entityId === 'ent_bayezid')).toBe(true)
    expect(r.variants).toEqual([{ entityId: 'ent_bayezid', label: 'Bayezid I', names: ['Bayezid I', 'Bajazet', 'Bayezid', 'Yıldırım Bayezid'] }])
    expect(searchDocuments([d], 'Bajazet', [ent], { variants: false }).total).toBe(1)
    // A part of a name is not the name: "Bayezid besieged" is not expanded as a whole.
    expect(searchDocuments([d], 'Bayezid besieged', [ent]).variants.map((v) => v.entityId)).toEqual(['ent_bayezid'])
  })

  it('counts every hit across documents, most hits first, and the limit cuts only the list', () => {
    const a = doc('a', 'John and John and John.', 'A')
    const b = doc('b', 'John alone.', 'B')
    const r = searchDocuments([b, a], 'john', [], { limit: 2 })
    expect(r.total).toBe(4)
    expect(r.documents.map((d) => [d.documentId, d.count, d.hits.length])).toEqual([['a', 3, 2], ['b', 1, 0]])
    expect(r.truncated).toBe(true)
  })

  it('every word of the seed is found exactly as often as the tokenizer reads it (index against a plain scan)', () => {
    const counts = new Map<string, number>()
    for (const t of tokenize(SEED)) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1)
    let checked = 0
    for (const [norm, n] of counts) {
      const q = parseQuery(`"${norm}"`)
      if (q.clauses[0].alternatives[0].words.length !== 1) continue // a folded form that re-splits (e.g. `3,000`)
      expect(findHits(seed.index, q).length, norm).toBe(n)
      checked++
    }
    expect(checked).toBeGreaterThan(0.98 * counts.size)
  })

  it('queries that cannot run are errors that say why', () => {
    expect(() => parseQuery('  ,,, ')).toThrow(QueryError)
    expect(() => parseQuery('*')).toThrow(/needs at least one letter/)
    expect(() => parseQuery('a*a*a*a*b')).toThrow(/at most 3 \* in one word/)
    expect(() => searchDocuments([seed], '?*', [])).toThrow(QueryError)
  })
})

describe('search in a text without paragraphs', () => {
  it('finds every hit of a word in 30,000 words without a line break (cut into passages, no stack overflow)', () => {
    const text = 'the emperor and '.repeat(10_000)
    const d = doc('flat', text)
    expect(d.index.table.passages.length).toBeGreaterThan(2)
    const r = searchDocuments([d], 'the', [], { limit: 0 })
    expect(r.total).toBe(10_000)
    expect(searchDocuments([d], 'emperor and the', []).total).toBe(30_000)
  })
})
