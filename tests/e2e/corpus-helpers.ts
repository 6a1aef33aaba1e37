/** Shared by the corpus and search specs: what the document view marks, read through its accessors. */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { GIBBON_EXCERPT, type App } from './fixtures'

/** The text of one of the document view's marked layers (the current search hit, the flashed passage). */
export function marked(page: Page, kind: 'hit-current' | 'flash' | 'selected'): Promise<string | undefined> {
  return page.evaluate(
    `document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').markedText(${JSON.stringify(kind)})`
  ) as Promise<string | undefined>
}

/** The texts of the highlights painted now, sorted. */
export function painted(page: Page): Promise<string[]> {
  return page.evaluate(
    `document.querySelector('marginalia-app').shadowRoot.querySelector('document-view').painted.map((p) => p.text).sort()`
  ) as Promise<string[]>
}

/** Imports the Gibbon excerpt (vol. 6, ch. LXIV–LXV) as a source; returns its id. */
export async function importGibbon(app: App): Promise<string> {
  const doc = await app.api<{ id: string }>('importDocument', {
    fileName: 'gibbon-vol6-ch64-65.txt',
    contentBase64: readFileSync(GIBBON_EXCERPT).toString('base64'),
    role: 'source',
    title: 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV'
  })
  return doc.id
}

interface Ann { id: string; documentId: string; target: { exact: string } }

/** What `corpusProject` made: entity and annotation ids by name. */
export interface CorpusProject {
  gibbonId: string
  entities: Record<'john' | 'bayezid' | 'manuel' | 'thessalonica' | 'selymbria' | 'westernEurope' | 'ankara' | 'reign', string>
  annotations: Record<'refuge' | 'ankara' | 'thessalonica' | 'selymbria' | 'west' | 'regent' | 'reign' | 'bajazet', Ann>
  citationId: string
}

/**
 * The seed annotated as a historian would, with Gibbon beside it: people, places with and without
 * coordinates, dated events (one approximate, one a range), citations with a contradicted, a
 * supported and an unchecked verdict, a relation, and a mention of Bayezid in Gibbon (as “Bajazet”).
 */
export async function corpusProject(app: App): Promise<CorpusProject> {
  const gibbonId = await importGibbon(app)
  const entity = (body: object) => app.api<{ id: string }>('createEntity', body).then((e) => e.id)
  const entities = {
    john: await entity({ type: 'person', label: 'John VII Palaiologos', dates: { birth: '1370', death: '1408-09-22' } }),
    bayezid: await entity({ type: 'person', label: 'Bayezid I', aliases: ['Bajazet'] }),
    manuel: await entity({ type: 'person', label: 'Manuel II' }),
    thessalonica: await entity({ type: 'place', label: 'Thessalonica', coordinates: { lat: 40.64, lon: 22.94 } }),
    selymbria: await entity({ type: 'place', label: 'Selymbria', coordinates: { lat: 41.08, lon: 28.25 } }),
    westernEurope: await entity({ type: 'place', label: 'Western Europe' }),
    ankara: await entity({ type: 'event', label: 'Battle of Ankara', dates: { date: '1402-07-20' } }),
    reign: await entity({ type: 'event', label: 'Reign of John VII', dates: { date: '1390-04-14/1390-09-17~' } })
  }
  const citationId = (await app.api<{ id: string }>('createCitation', { item: { type: 'book', title: 'The History of the Decline and Fall of the Roman Empire, vol. 6', author: [{ family: 'Gibbon', given: 'Edward' }], issued: { 'date-parts': [[1788]] } }, sourceDocumentId: gibbonId })).id
  const quote = (body: object) => app.api<Ann>('annotateQuote', { documentId: app.seedId, ...body })
  const e = entities
  const annotations = {
    refuge: await quote({ quote: 'John VII sought refuge with Bayezid I', tags: ['claim'], entityIds: [e.john, e.bayezid], citations: [{ citationId, locator: 'ch. LXIV' }] }),
    ankara: await quote({ quote: 'Bayezid was defeated by Timur at the Battle of Ankara', tags: ['event'], entityIds: [e.bayezid, e.ankara] }),
    thessalonica: await quote({ quote: 'Thessalonica on the Aegean Sea', tags: ['place'], entityIds: [e.thessalonica] }),
    selymbria: await quote({ quote: 'Selymbria (Silivri)', tags: ['place'], entityIds: [e.selymbria] }),
    west: await quote({ quote: 'Western Europe', tags: ['place'], entityIds: [e.westernEurope, e.manuel] }),
    regent: await quote({ quote: 'left John VII as regent to defend the capital', tags: ['claim'], entityIds: [e.john, e.manuel], citations: [{ citationId, locator: 'ch. LXV' }] }),
    reign: await quote({ quote: 'maintained himself on the throne for five months', tags: ['claim'], entityIds: [e.john, e.reign], citations: [{ citationId }] }),
    bajazet: await app.api<Ann>('annotateQuote', { documentId: gibbonId, quote: 'Bajazet', occurrence: 1, entityIds: [e.bayezid] })
  }
  await app.api('verifyClaim', { annotationId: annotations.refuge.id, citationId, status: 'contradicted', note: 'Gibbon has him at Bajazet’s court later' })
  await app.api('verifyClaim', { annotationId: annotations.regent.id, citationId, status: 'supported' })
  await app.api('createRelation', { subject: e.john, predicate: 'nephew of', object: e.manuel })
  return { gibbonId, entities, annotations, citationId }
}
