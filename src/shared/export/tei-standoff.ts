/**
 * The `<standOff>` of a TEI export: the entities the text points at (listPerson, listPlace, listOrg,
 * listEvent, listBibl of works, interpGrp of concepts; date entities as dated events), the
 * bibliography (listBibl of `bibl`, with the full CSL-JSON item kept in a note), tags and verdicts as
 * `interp`s, the locators of citation links (`citedRange`, its `@unit` the CSL locator type) in a
 * listBibl of links, crossing annotations as `span`s pointing at anchor pairs, notes in a
 * listAnnotation, and relations in a listRelation. Every element gets the xml:id the text's
 * pointers use. Each entity element also keeps the whole record as JSON in a note, so fields TEI
 * has no element for (a person's coordinates, a work's aliases, record times) are not lost.
 */
import type { Annotation, Citation, CslDate, Entity, Person, Relation, Tag } from '../model'
import { toCslLocator } from '../citations/locator'
import { nameText } from './csv-tables'
import { datingAttrs, teiDating, teiSpan } from './tei-dates'
import { attrs, escapeText as t, type XmlIds } from './xml'

export interface StandOffInput {
  ids: XmlIds
  entities: readonly Entity[]
  citations: readonly Citation[]
  tags: readonly { id: string; tag?: Tag }[]
  /** Annotations whose verdicts become interps (all annotations of the file). */
  annotations: readonly Annotation[]
  /** Annotations written as anchor pairs: their rendered standOff `<span>`s. */
  crossing: readonly string[]
  /** Annotations that are orphaned (their passage no longer found): kept as notes with their quote. */
  orphans: readonly Annotation[]
  relations: readonly Relation[]
  /** `#resp` pointer of a person (team2: name and ORCID). */
  resp(author: Person): string
  /** xml:id of the interp of the n-th citation link of an annotation. */
  verdictId(a: Annotation, n: number): string
  /** xml:id of the bibl of the n-th citation link of an annotation (its locator). */
  linkId(a: Annotation, n: number): string
  /** `#xmlid` pointer to an entity or annotation, by record id. */
  pointer(id: string): string
}

const el = (name: string, a: [string, string | undefined][], body: string) => `<${name}${attrs(a)}>${body}</${name}>`
const uriIdnos = (e: Entity) => e.authorities.map((x) => el('idno', [['type', 'URI'], ['subtype', x.scheme]], t(x.uri))).join('')
const note = (s: string) => (s ? el('note', [], t(s)) : '')
/** The entity record as JSON: what TEI's elements for its type leave out is still there (a `desc` inside an interp). */
const record = (e: Entity, name = 'note') => el(name, [['type', 'marginalia-record']], t(JSON.stringify(e)))

function person(e: Entity, ids: XmlIds): string {
  const names = el('persName', [], t(e.label)) + e.aliases.map((x) => el('persName', [['type', 'alias']], t(x))).join('')
  const birth = e.dates.birth ? `<birth${attrs(datingAttrs(teiDating(e.dates.birth)))}>${t(e.dates.birth)}</birth>` : ''
  const death = e.dates.death ? `<death${attrs(datingAttrs(teiDating(e.dates.death)))}>${t(e.dates.death)}</death>` : ''
  return el('person', [['xml:id', ids.record(e.id)]], names + birth + death + uriIdnos(e) + note(e.description) + record(e))
}

function place(e: Entity, ids: XmlIds): string {
  const names = el('placeName', [], t(e.label)) + e.aliases.map((x) => el('placeName', [['type', 'alias']], t(x))).join('')
  const geo = e.coordinates ? `<location><geo>${e.coordinates.lat} ${e.coordinates.lon}</geo></location>` : ''
  return el('place', [['xml:id', ids.record(e.id)]], names + geo + uriIdnos(e) + note(e.description) + record(e))
}

function org(e: Entity, ids: XmlIds): string {
  const names = el('orgName', [], t(e.label)) + e.aliases.map((x) => el('orgName', [['type', 'alias']], t(x))).join('')
  return el('org', [['xml:id', ids.record(e.id)]], names + uriIdnos(e) + note(e.description) + record(e))
}

/** An event, or a date entity written as a dated event. */
function event(e: Entity, ids: XmlIds): string {
  const dating = e.type === 'date' ? teiDating(e.dates.date) : e.dates.date ? teiDating(e.dates.date) : teiSpan(e.dates.start, e.dates.end)
  const labels = el('label', [], t(e.label)) + e.aliases.map((x) => el('label', [['type', 'alias']], t(x))).join('')
  const edtf = [e.dates.date, e.dates.start, e.dates.end].some(Boolean)
    ? el('note', [['type', 'edtf']], t([e.dates.date, e.dates.start && `start ${e.dates.start}`, e.dates.end && `end ${e.dates.end}`].filter(Boolean).join('; ')))
    : ''
  return el('event', [['xml:id', ids.record(e.id)], ...datingAttrs(dating)], labels + uriIdnos(e) + note(e.description) + edtf + record(e))
}

function work(e: Entity, ids: XmlIds): string {
  const aliases = e.aliases.map((x) => el('title', [['type', 'alias']], t(x))).join('')
  return el('bibl', [['xml:id', ids.record(e.id)]], el('title', [], t(e.label)) + aliases + uriIdnos(e) + note(e.description) + record(e))
}

function concept(e: Entity, ids: XmlIds): string {
  const desc = [e.label, ...e.aliases.map((x) => `(also ${x})`), e.description && `: ${e.description}`, ...e.authorities.map((x) => ` <${x.uri}>`)]
  return el('interp', [['xml:id', ids.record(e.id)]], t(desc.filter(Boolean).join(' ')) + record(e, 'desc'))
}

function cslDate(d: CslDate | undefined): string {
  if (!d) return ''
  const p = d['date-parts']?.[0]
  const when = p && p.length > 0 && /^-?\d+$/.test(String(p[0])) && Number(p[0]) !== 0
    ? p.map((x, i) => (i === 0 ? (Number(x) < 0 ? '-' : '') + String(Math.abs(Number(x))).padStart(4, '0') : String(x).padStart(2, '0'))).join('-')
    : undefined
  const text = d['date-parts']?.map((q) => q.join('-')).join('/') ?? d.literal ?? d.raw ?? ''
  return when && /^-?\d{4}(-\d{2}(-\d{2})?)?$/.test(when) ? el('date', [['when', when]], t(text)) : el('date', [], t(text))
}

function bibl(c: Citation, ids: XmlIds): string {
  const it = c.item
  const s = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v))
  const parts = [
    ...(it.author ?? []).map((n) => el('author', [], t(nameText(n)))),
    ...(it.editor ?? []).map((n) => el('editor', [], t(nameText(n)))),
    s(it.title) ? el('title', [['level', it['container-title'] ? 'a' : 'm']], t(String(it.title))) : '',
    s(it['container-title']) ? el('title', [['level', it.type === 'article-journal' ? 'j' : 'm']], t(String(it['container-title']))) : '',
    cslDate(it.issued),
    s(it.volume) ? el('biblScope', [['unit', 'volume']], t(String(it.volume))) : '',
    s(it.issue) ? el('biblScope', [['unit', 'issue']], t(String(it.issue))) : '',
    s(it.page) ? el('biblScope', [['unit', 'page']], t(String(it.page))) : '',
    s(it.publisher) ? el('publisher', [], t(String(it.publisher))) : '',
    s(it['publisher-place']) ? el('pubPlace', [], t(String(it['publisher-place']))) : '',
    s(it.DOI) ? el('idno', [['type', 'DOI']], t(String(it.DOI))) : '',
    s(it.URL) ? el('idno', [['type', 'URI']], t(String(it.URL))) : '',
    c.sourceDocumentId ? el('note', [['type', 'source-document']], t(c.sourceDocumentId)) : '',
    // The whole CSL-JSON item, so no field is lost to the TEI mapping above.
    el('note', [['type', 'csl-json']], t(JSON.stringify(it)))
  ]
  return el('bibl', [['xml:id', ids.record(c.id)], ['type', it.type]], parts.join(''))
}

/** The citation links of an annotation that have a locator, each a bibl pointing at the item, with the locator as written. */
function links(a: Annotation, inp: StandOffInput): string[] {
  return a.citations.flatMap((l, n) => {
    if (!l.locator) return []
    const { label } = toCslLocator(l.locator)
    return [el('bibl', [['xml:id', inp.linkId(a, n)], ['corresp', '#' + inp.ids.bulk(a.id)]],
      `<ptr target="#${inp.ids.record(l.citationId)}"/>` + el('citedRange', [['unit', label]], t(l.locator)))]
  })
}

function verdicts(a: Annotation, inp: StandOffInput): string[] {
  if (a.citations.length === 0) return []
  return a.citations.flatMap((l, n) => {
    const v = l.verification
    if (!v) return []
    const src = v.source ? ` Source passage: ${v.source.documentId} [${v.source.start}, ${v.source.end}) “${v.source.exact}”.` : ''
    const disc = v.discrepancies.length
      ? ` Discrepancies: ${v.discrepancies.map((d) => `${d.kind} ${d.claim} → ${d.source}${d.variant ? ' (variant)' : ''}${d.entityId ? ` [entity ${d.entityId}]` : ''}`).join('; ')}.`
      : ''
    const text = `${v.status} — ${l.citationId}${l.locator ? ` at ${l.locator}` : ''}, checked ${v.at}.${v.note ? ` ${v.note}` : ''}${src}${disc}`
    return [el('interp', [['xml:id', inp.verdictId(a, n)], ['type', v.status], ['resp', inp.resp({ name: v.by, orcid: v.byOrcid })], ['inst', '#' + inp.ids.bulk(a.id)], ['source', '#' + inp.ids.record(l.citationId)]], t(text))]
  })
}

/** The standOff element (never empty: TEI requires at least one part, so an empty export gets an empty listAnnotation note). */
export function buildStandOff(inp: StandOffInput): string {
  const { ids } = inp
  const of = (type: Entity['type']) => inp.entities.filter((e) => e.type === type)
  const list = (name: string, type: string | undefined, items: string[]) => (items.length ? el(name, [['type', type]], '\n' + items.join('\n') + '\n') + '\n' : '')
  const parts = [
    list('listPerson', undefined, of('person').map((e) => person(e, ids))),
    list('listPlace', undefined, of('place').map((e) => place(e, ids))),
    list('listOrg', undefined, of('organisation').map((e) => org(e, ids))),
    list('listEvent', undefined, of('event').map((e) => event(e, ids))),
    list('listEvent', 'date', of('date').map((e) => event(e, ids))),
    list('listBibl', 'works', of('work').map((e) => work(e, ids))),
    list('interpGrp', 'concept', of('concept').map((e) => concept(e, ids))),
    list('listBibl', 'citations', inp.citations.map((c) => bibl(c, ids))),
    list('listBibl', 'citation-links', inp.annotations.flatMap((a) => links(a, inp))),
    list('interpGrp', 'tag', inp.tags.map(({ id, tag }) => el('interp', [['xml:id', ids.named('tag', id)], ['style', tag ? `color:${tag.color}` : undefined]], t(id)))),
    list('interpGrp', 'verification', inp.annotations.flatMap((a) => verdicts(a, inp))),
    list('spanGrp', 'crossing-annotations', [...inp.crossing]),
    list('listAnnotation', 'notes', [
      ...inp.annotations.filter((a) => a.note && a.status !== 'orphaned').map((a) => el('note', [['type', 'annotation'], ['target', '#' + ids.bulk(a.id)], ['resp', inp.resp(a.createdBy ?? { name: a.author })]], t(a.note))),
      ...inp.orphans.map((a) => el('note', [['xml:id', ids.bulk(a.id)], ['type', 'orphaned-annotation'], ['resp', inp.resp(a.createdBy ?? { name: a.author })], ['corresp', [...a.entityIds, ...a.citations.map((c) => c.citationId)].map((x) => '#' + ids.record(x)).join(' ') || undefined]],
        `<quote>${t(a.target.exact)}</quote>${a.note ? ' ' + t(a.note) : ''}`))
    ]),
    list('listRelation', undefined, inp.relations.map((r) =>
      el('relation', [['xml:id', ids.record(r.id)], ['name', r.predicate.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[^\p{L}_]/u, '_$&')], ['active', inp.pointer(r.subject)], ['passive', inp.pointer(r.object)]],
        el('desc', [], t(r.predicate + (r.note ? ` — ${r.note}` : ''))))))
  ]
  const body = parts.join('')
  return `<standOff>\n${body || '<listAnnotation><note>No annotations.</note></listAnnotation>\n'}</standOff>\n`
}
