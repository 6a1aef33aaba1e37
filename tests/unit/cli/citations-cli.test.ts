/** `bib import`, `bib list`, `bib parse|add|merge`, `cite extract`, `cite accept` and `annotate --citation` as a user runs them (real processes, the bundled CLI). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusPath, SEED_PATH, tempDir } from '../../helpers/temp-dir'
import { cli } from '../../helpers/run-cli'

const BAYEZID = corpusPath('wiki/markdown-chinapedia/Bayezid_I.md')

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('marginalia-cite-cli-')))
afterAll(() => cleanup())

describe('citations CLI', () => {
  it('imports a bibliography with a bad entry, extracts and accepts references, cites from annotate', async () => {
    const project = join(dir, 'p')
    expect((await cli('init', project)).code).toBe(0)
    const docId = JSON.parse((await cli('import', project, SEED_PATH)).stdout).id as string

    const bib = join(dir, 'refs.bib')
    writeFileSync(bib, '@book{n09, title={Byzantium between the Ottomans and the Latins}, author={Necipo{\\u g}lu, Nevra}, year={2009}}\n@book{bad, title={x}\n')
    const imported = await cli('bib', 'import', project, bib)
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 1, imported: 1, merged: 0, skipped: [{ line: 2, key: 'bad' }] })
    const [necipoglu] = JSON.parse((await cli('bib', 'list', project)).stdout) as { id: string; label: string }[]
    expect(necipoglu.label).toBe('Necipoğlu 2009 · Byzantium between the Ottomans and the Latins')

    const proposals = JSON.parse((await cli('cite', 'extract', project, '--doc', docId)).stdout) as {
      id: string; start: number; end: number; exact: string; claim: { start: number; end: number; exact: string }; item: Record<string, unknown>; locator?: string; match?: { ref: string }
    }[]
    expect(proposals).toHaveLength(2)
    expect(proposals[0].item).toMatchObject({ author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], 'container-title': 'Dumbarton Oaks Papers', volume: '31', issued: { 'date-parts': [[1977]] }, page: '339-342' })
    expect(proposals[0].claim.end).toBe(proposals[0].start)
    expect(proposals[1]).toMatchObject({ exact: 'Necipoglu (2009), p. 39', locator: 'p. 39', match: { ref: necipoglu.id } })

    const accepted = await cli('cite', 'accept', project, '--doc', docId, '--proposal', proposals[1].id)
    expect(accepted.code).toBe(0)
    expect(JSON.parse(accepted.stdout).annotation.citations).toEqual([{ citationId: necipoglu.id, locator: 'p. 39' }])

    const annotated = await cli('annotate', project, '--doc', docId, '--quote', 'Battle of Ankara', '--citation', necipoglu.id, '--locator', 'p. 41')
    expect(annotated.code).toBe(0)
    const passages = JSON.parse((await cli('cite', 'passages', project, '--citation', necipoglu.id)).stdout) as { exact: string; locator: string }[]
    expect(passages.map((p) => [p.exact, p.locator]).sort()).toEqual([
      ['Battle of Ankara', 'p. 41'],
      ['There he governed as a semi-independent ruler for the rest of his life (1403–1408), using the title "Emperor of All Thessaly".', 'p. 39']
    ])

    const missing = await cli('cite', 'accept', project, '--doc', docId, '--proposal', 'glued:1-2')
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/no reference proposal glued:1-2/)
  }, 180_000) // eight CLI processes: slow on a loaded machine

  it('finds the numbered markers and their notes in Bayezid_I.md (imported as Markdown)', async () => {
    const project = join(dir, 'b')
    await cli('init', project)
    const docId = JSON.parse((await cli('import', project, BAYEZID)).stdout).id as string
    const proposals = JSON.parse((await cli('cite', 'extract', project, '--doc', docId)).stdout) as { kind: string; exact: string; note?: { number: number; exact: string }; item?: { title?: string } }[]
    const footnotes = proposals.filter((p) => p.kind === 'footnote')
    expect(footnotes.map((p) => p.note?.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1))
    const five = footnotes.find((p) => p.exact === '[5]')!
    // Imported as Markdown (CommonMark): `_The Encyclopedia of Islam_` reads as the emphasised title.
    expect(five.note?.exact).toMatch(/^Halil Inalcik, "Bayezid I", The Encyclopedia of Islam,/)
    expect(five.item?.title).toBe('Bayezid I')
  }, 120_000)

  it('adds an item from a typed reference, in a language, and merges a duplicate into it', async () => {
    const project = join(dir, 'm')
    expect((await cli('init', project)).code).toBe(0)
    const typed = 'Georg Ostrogorsky, Geschichte des byzantinischen Staates (München: Beck, 1963), p. 451'
    const draft = JSON.parse((await cli('bib', 'parse', project, typed)).stdout)
    expect(draft).toMatchObject({ item: { title: 'Geschichte des byzantinischen Staates', author: [{ family: 'Ostrogorsky', given: 'Georg' }] }, locator: 'p. 451' })
    expect(JSON.parse((await cli('bib', 'list', project)).stdout)).toEqual([])
    const added = await cli('bib', 'add', project, typed, '--language', 'ngerman')
    expect(added.code).toBe(0)
    const made = JSON.parse(added.stdout)
    expect(made).toMatchObject({ created: true, citation: { item: { language: 'de' } } })
    const other = JSON.parse((await cli('bib', 'add', project, 'Ostrogorskij, Geschichte des byzantinischen Staates')).stdout)
    expect(other.created).toBe(true)
    const merged = await cli('bib', 'merge', project, '--into', made.citation.id, '--from', other.citation.id)
    expect(merged.code).toBe(0)
    expect(JSON.parse(merged.stdout)).toMatchObject({ citation: { id: made.citation.id }, movedLinks: 0 })
    expect((JSON.parse((await cli('bib', 'list', project)).stdout) as { id: string }[]).map((c) => c.id)).toEqual([made.citation.id])
    const bad = await cli('bib', 'add', project, 'Anything', '--language', 'klingon!')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/language: "klingon!" is not a language tag/)
  }, 180_000)
})
