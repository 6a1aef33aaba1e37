/**
 * The bodies of one exported W3C annotation: the note (`commenting`), tags (`tagging`), entities
 * (`identifying`, with authority URIs), citation links (`linking`, typed as CiTO `cites`, with the
 * locator) and their verdicts (`assessing`). See w3c-vocabulary.ts for the mapping's reasons.
 */
import type { Annotation, Citation, Entity, Person, Verification } from '../model'
import { orcidUrl } from '../team/person'
import { recordIri } from './w3c-ids'
import type { W3cLossKind } from './w3c-losses'
import { CITES, ENTITY_CLASS } from './w3c-vocabulary'

export type Json = Record<string, unknown>

/** What bodies need to know about the project. */
export interface BodyContext {
  projectId: string
  /** The record IRI of `id` in `collection` (memoised by the exporter: 100,000s of calls). */
  iri(collection: string, id: string): string
  /**
   * The JSON made once for `key` of `kind` and reused by every annotation that needs it (an
   * entity's body, a document's description…), so a 100,000-annotation export serialises each
   * shared part once.
   */
  memo(kind: 'entity' | 'citation' | 'document' | 'creator', key: string, make: () => string): string
  entities: Record<string, Entity>
  citations: Record<string, Citation>
  /** The description of a document as a target's or a source passage's `source`: IRI, type, format, title, language. */
  documentSource(documentId: string): Json
  /** Counts things the W3C model cannot carry, by kind (./w3c-losses.ts); `detail` is the record id concerned. */
  lose(kind: W3cLossKind, detail?: string): void
}

/** Wikidata first (the most widely linked authority), then the order the historian gave. */
const SCHEME_ORDER = ['wikidata', 'viaf', 'gnd', 'loc', 'geonames', 'pleiades']

/** Primary IRI of an entity (its first authority URI, or a urn of the record) and its other URIs. */
export function entityIris(e: Entity, projectId: string, iri = recordIri): { primary: string; others: string[] } {
  const uris = [...e.authorities]
    .sort((a, b) => SCHEME_ORDER.indexOf(a.scheme) - SCHEME_ORDER.indexOf(b.scheme))
    .map((a) => a.uri)
    .filter((u) => /^[a-z][a-z0-9+.-]*:/i.test(u))
  return uris.length ? { primary: uris[0], others: uris.slice(1) } : { primary: iri(projectId, 'entities', e.id), others: [] }
}

/** IRI of a cited work: its DOI, else its URL, else a urn of the record. */
export function citationIri(c: Citation, projectId: string, iri = recordIri): string {
  const doi = typeof c.item.DOI === 'string' ? c.item.DOI.trim() : ''
  if (doi) return `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}`
  const url = typeof c.item.URL === 'string' ? c.item.URL.trim() : ''
  if (/^https?:\/\//i.test(url)) return url
  return iri(projectId, 'citations', c.id)
}

/** A short human label of a cited work: `Zachariadou 1977, John VII …`. */
export function citationLabel(c: Citation): string {
  const first = c.item.author?.[0] ?? c.item.editor?.[0]
  const who = first ? first.family ?? first.literal ?? first.given ?? '' : ''
  const year = c.item.issued?.['date-parts']?.[0]?.[0] ?? ''
  const head = [who, year].filter((x) => x !== '').join(' ')
  return [head, c.item.title ?? c.id].filter(Boolean).join(', ')
}

/** The text of an `assessing` body: the status on the first line, then the note and discrepancies. */
export function verdictText(v: Verification): string {
  const lines = v.discrepancies.map((d) => `${d.kind}: claim “${d.claim}”, source “${d.source}”${d.variant ? ' (variant spelling)' : ''}`)
  return [v.status, v.note, ...lines].filter((x) => x !== '').join('\n')
}

/** Characters that JSON must escape, and lone-surrogate halves (JSON.stringify escapes those too). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * A JSON string literal. Most strings (ids, dates, plain words) need no escaping and are quoted
 * directly, which is several times cheaper than a JSON.stringify call per string.
 */
export const q = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`)

/**
 * Bodies of annotation `a`, each already serialised as JSON, in a fixed order (note, tags,
 * entities, citations with their verdicts). Serialised here, with the parts many annotations share
 * (an entity's body, a cited work) serialised once, because a 100,000-annotation export spends
 * its time building and stringifying objects.
 */
export function bodiesOf(a: Annotation, ctx: BodyContext): string[] {
  const bodies: string[] = []
  if (a.note) bodies.push(`{"type":"TextualBody","purpose":"commenting","value":${q(a.note)},"format":"text/plain"}`)
  for (const tag of a.tags) bodies.push(`{"type":"TextualBody","purpose":"tagging","value":${q(tag)}}`)
  for (const id of a.entityIds) {
    const e = ctx.entities[id]
    if (!e) {
      ctx.lose('danglingEntity', id)
      continue
    }
    bodies.push(ctx.memo('entity', id, () => {
      const { primary, others } = entityIris(e, ctx.projectId, (_p, c, i) => ctx.iri(c, i))
      const source: Json = { id: primary, label: e.label, 'dcterms:type': { id: ENTITY_CLASS[e.type] } }
      if (others.length) source['owl:sameAs'] = others.map((u) => ({ id: u }))
      if (e.aliases.length || e.description || Object.keys(e.dates).length || e.coordinates || e.authorities.length || e.created) {
        ctx.lose('entityDetails', e.id)
      }
      return JSON.stringify({ type: 'SpecificResource', purpose: 'identifying', source })
    }))
  }
  for (const link of a.citations) {
    const c = ctx.citations[link.citationId]
    if (!c) {
      ctx.lose('danglingCitation', link.citationId)
      continue
    }
    const iri = citationIri(c, ctx.projectId, (_p, col, i) => ctx.iri(col, i))
    const source = ctx.memo('citation', c.id, () => JSON.stringify({ id: iri, label: citationLabel(c) }))
    let locator = ''
    if (link.locator) {
      locator = `,"locator":${q(link.locator)}`
      ctx.lose('locator', a.id)
    }
    bodies.push(`{"type":"SpecificResource","purpose":"linking","dcterms:type":{"id":${q(CITES)}},"source":${source}${locator}}`)
    if (link.verification) bodies.push(...verdictBodies(link.verification, iri, ctx).map((b) => JSON.stringify(b)))
  }
  return bodies
}

function verdictBodies(v: Verification, citation: string, ctx: BodyContext): Json[] {
  const out: Json[] = [{
    type: 'TextualBody', purpose: 'assessing', value: verdictText(v), format: 'text/plain',
    'dcterms:references': { id: citation },
    ...(v.by ? { creator: personAgent({ name: v.by, orcid: v.byOrcid }) } : {}),
    ...(isDateTime(v.at) ? { created: v.at } : {})
  }]
  if (v.discrepancies.length) ctx.lose('discrepancies')
  if (v.source) {
    const s = v.source
    out.push({
      type: 'SpecificResource', purpose: 'assessing', 'dcterms:references': { id: citation },
      source: ctx.documentSource(s.documentId),
      selector: [
        { type: 'TextQuoteSelector', exact: s.exact, prefix: s.prefix, suffix: s.suffix },
        { type: 'TextPositionSelector', start: s.start, end: s.end }
      ]
    })
  }
  return out
}

const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i

/** True for an ISO 8601 date-time with a timezone (the suite rejects one without). */
export function isDateTime(s: string | undefined): s is string {
  // Field ranges are checked by the pattern itself (months 01–12, days 01–31, hours 00–23…), so no
  // Date.parse per annotation: this runs twice for each of 100,000 annotations in a large export.
  return !!s && DATE_TIME.test(s)
}

/** A W3C `creator` agent: a Person with `name`, and `id` its ORCID URL when known (team2). */
export function personAgent(p: Person): Json {
  const id = orcidUrl(p)
  return id ? { id, type: 'Person', name: p.name } : { type: 'Person', name: p.name }
}
