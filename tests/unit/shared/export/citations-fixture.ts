/** A project holding a real bibliography (the Miletus BibLaTeX file when present) for the bibliography exporters' tests. */
import { existsSync, readFileSync } from 'node:fs'
import { readBibliography } from '../../../../src/shared/bib/read-bibliography'
import { cleanItem } from '../../../../src/shared/citations/csl-item'
import type { Citation, CslItem, ProjectData } from '../../../../src/shared/model'
import { corpusPath } from '../../../helpers/temp-dir'

export const MILETUS_BIBLATEX = corpusPath('bib/miletus/Milet_Bibliography_BibLaTeX.bib')

export const ZACHARIADOU: CslItem = {
  id: 'z', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', 'container-title': 'Dumbarton Oaks Papers',
  author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], volume: '31', issued: { 'date-parts': [[1977]] }, page: '339-342'
}
export const GREEK: CslItem = {
  id: 'g', type: 'book', title: 'Ἑστία Βουλαῖα: a study of 100% of the {odd} & $pecial_cases#', author: [{ family: 'Παπαδόπουλος', given: 'Γιώργος' }, { family: 'Belikov', given: 'Александр' }],
  issued: { 'date-parts': [[2010, 5]] }, publisher: 'Söktaş', 'publisher-place': 'İstanbul', DOI: '10.34780/ab_c-1'
}

/** `items` as a project's citations, with ids cit_0001…; and no documents or annotations. */
export function projectWith(items: CslItem[]): ProjectData {
  const citations: Record<string, Citation> = {}
  items.forEach((item, i) => {
    const id = `cit_${String(i + 1).padStart(4, '0')}`
    citations[id] = { id, item: cleanItem({ ...item, id }), created: '2026-11-26T10:00:00.000Z', modified: '2026-11-26T10:00:00.000Z' }
  })
  return {
    schemaVersion: 1, project: { id: 'p', name: 'p', created: '2026-11-26T10:00:00.000Z' },
    documents: {}, annotations: {}, entities: {}, citations, relations: {}, predicates: {}, tags: {}, rejectedSuggestions: {}
  }
}

/** The Miletus BibLaTeX items (empty when the corpus is absent). */
export function miletusItems(): CslItem[] {
  if (!existsSync(MILETUS_BIBLATEX)) return []
  return readBibliography('m.bib', readFileSync(MILETUS_BIBLATEX)).items.map((i) => i.item)
}
