/**
 * Turns anchored W3C annotations into Marginalia records: annotations (orphans included, with
 * status `orphaned`, so the historian can review them), plus the entities and citations their
 * bodies name, reusing the project's own records where the IRIs (or label and type) match.
 * Pure: the service stores what this returns in one undoable edit.
 */
import { cssColor } from '../api/schemas'
import { AUTHORITY_RULES, AUTHORITY_SCHEMES, parseAuthorityId } from '../entities/authority'
import { citationIri, entityIris, isDateTime } from '../export/w3c-bodies'
import { recordIri } from '../export/w3c-ids'
import { entityTypeOfClass } from '../export/w3c-vocabulary'
import type { Annotation, AuthorityId, Citation, CitationLink, Entity, ProjectData, SourcePassage, Verification } from '../model'
import type { AnchoredW3cAnnotation } from './w3c-annotations'
import type { CitationRef, EntityRef, VerdictRef } from './w3c-bodies'

export interface MaterialiseEnv {
  newId(prefix: string): string
  /** ISO timestamp with timezone. */
  now: string
  /** Author recorded when the file names none. */
  author: string
}

/** One annotation that could not be anchored (it is still stored, with status `orphaned`). */
export interface W3cOrphan {
  /** Position in the file (0-based). */
  index: number
  externalId?: string
  exact: string
  reason: string
  /** Id of the stored orphaned annotation. */
  annotationId: string
}

export interface W3cImportReport {
  /** Annotations stored (anchored + moved + orphaned). */
  imported: number
  anchored: number
  moved: number
  orphaned: number
  orphans: W3cOrphan[]
  createdEntities: number
  createdCitations: number
  /** Bodies not understood (kept as lines of the note). */
  unsupportedBodies: number
  /** Parts of the file that were not annotations, or details that could not be kept. */
  problems: string[]
}

export interface MaterialisedImport {
  annotations: Annotation[]
  entities: Entity[]
  citations: Citation[]
  report: W3cImportReport
}

/** Authority ids recognisable in a list of IRIs (Wikidata, VIAF, GND… by their URL forms). */
function authoritiesOf(iris: string[]): AuthorityId[] {
  const out: AuthorityId[] = []
  for (const iri of iris) {
    const scheme = AUTHORITY_SCHEMES.find((s) => AUTHORITY_RULES[s].fromUrl.test(iri))
    if (!scheme || out.some((a) => a.scheme === scheme)) continue
    try {
      out.push(parseAuthorityId(scheme, iri))
    } catch {
      // Malformed id inside a recognised URL: not an authority we can store; the label still is.
    }
  }
  return out
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase().trim()

/** Annotations anchored in one document of the project. */
export interface AnchoredGroup {
  documentId: string
  anchored: AnchoredW3cAnnotation[]
}

/**
 * Records for the anchored annotations of each group, in the group's document of project `data`;
 * entities and citations their bodies name are shared across groups. `problems` from parsing are
 * carried into the report.
 */
export function materialiseW3cImport(data: ProjectData, groups: AnchoredGroup[], env: MaterialiseEnv, problems: string[] = []): MaterialisedImport {
  const projectId = data.project.id
  const entities: Entity[] = []
  const citations: Citation[] = []
  const report: W3cImportReport = {
    imported: 0, anchored: 0, moved: 0, orphaned: 0, orphans: [], createdEntities: 0, createdCitations: 0, unsupportedBodies: 0, problems: [...problems]
  }

  const findEntity = (ref: EntityRef, mention: string): string => {
    const iris = [ref.iri, ...ref.sameAs]
    const all = [...Object.values(data.entities), ...entities]
    const type = ref.classIri ? entityTypeOfClass(ref.classIri) : undefined
    const byIri = all.find((e) => e.authorities.some((a) => iris.includes(a.uri)) || iris.includes(entityIris(e, projectId).primary))
    if (byIri) return byIri.id
    const auth = authoritiesOf(iris)
    // Without a label in the file, the annotated words name the entity (as in Recogito's exports).
    const label = ref.label ?? (auth.length ? undefined : mention.trim())
    const byLabel = label && all.find((e) => fold(e.label) === fold(label) && (!type || e.type === type) && (auth.length === 0 || e.authorities.length === 0))
    if (byLabel) return byLabel.id
    const e: Entity = {
      id: env.newId('ent'), type: type ?? 'concept', label: ref.label ?? (mention.trim() || ref.iri), aliases: [], description: '',
      authorities: auth, dates: {}, created: env.now, modified: env.now
    }
    entities.push(e)
    report.createdEntities++
    return e.id
  }

  const findCitation = (ref: CitationRef): string => {
    const existing = [...Object.values(data.citations), ...citations].find((c) => citationIri(c, projectId) === ref.iri || recordIri(projectId, 'citations', c.id) === ref.iri)
    if (existing) return existing.id
    const doi = /^https?:\/\/(dx\.)?doi\.org\/(.+)$/i.exec(ref.iri)?.[2]
    const id = env.newId('cit')
    const c: Citation = {
      id, created: env.now, modified: env.now,
      item: {
        id, type: 'document', title: ref.label ?? ref.iri,
        ...(doi ? { DOI: doi } : /^https?:\/\//i.test(ref.iri) ? { URL: ref.iri } : {})
      }
    }
    citations.push(c)
    report.createdCitations++
    return id
  }

  const passageOf = (v: VerdictRef, annotationSource: string | undefined, documentId: string): SourcePassage | undefined => {
    if (!v.passage) return undefined
    const iri = v.passage.sourceIri
    const docId = iri === annotationSource ? documentId : Object.keys(data.documents).find((d) => recordIri(projectId, 'documents', d) === iri)
    const q = v.passage.selectors.find((s) => s.type === 'TextQuoteSelector')
    const p = v.passage.selectors.find((s) => s.type === 'TextPositionSelector')
    if (!docId || !q || !p || typeof q.exact !== 'string' || !Number.isInteger(p.start) || !Number.isInteger(p.end)) {
      report.problems.push(`a verdict's source passage (in ${iri}) could not be kept: unknown document or incomplete selectors`)
      return undefined
    }
    return { documentId: docId, start: p.start as number, end: p.end as number, exact: q.exact, prefix: String(q.prefix ?? ''), suffix: String(q.suffix ?? '') }
  }

  const annotations = groups.flatMap(({ documentId, anchored }) => anchored.map((p): Annotation => {
    const b = p.bodies
    const citationLinks: CitationLink[] = []
    const byIri = new Map<string, CitationLink>()
    for (const ref of b.citations) {
      const link: CitationLink = { citationId: findCitation(ref), ...(ref.locator ? { locator: ref.locator } : {}) }
      citationLinks.push(link)
      byIri.set(ref.iri, link)
    }
    for (const v of b.verdicts) {
      const link = (v.citationIri && byIri.get(v.citationIri)) || citationLinks[citationLinks.length - 1]
      if (!link) {
        b.notes.push(`[assessing] ${[v.status, v.note].filter(Boolean).join('\n')}`)
        continue
      }
      const prev: Verification = link.verification ?? { status: 'unchecked', discrepancies: [], note: '', by: env.author, at: env.now }
      const passage = passageOf(v, p.sourceIri, documentId)
      link.verification = {
        ...prev,
        ...(v.status ? { status: v.status, note: v.note } : {}),
        ...(v.by ? { by: v.by, ...(v.byOrcid ? { byOrcid: v.byOrcid } : {}) } : {}),
        ...(isDateTime(v.at) ? { at: v.at } : {}),
        ...(passage ? { source: passage } : {})
      }
    }
    report.unsupportedBodies += b.unsupported.length
    const note = [...b.notes, ...b.unsupported.map((u) => `[W3C body not understood] ${u}`)].join('\n\n')
    const color = p.color && cssColor.safeParse(p.color).success ? p.color : undefined
    if (p.color && !color) report.problems.push(`annotation ${p.externalId ?? p.index}: colour "${p.color}" is not a CSS colour we accept; not kept`)
    const created = isDateTime(p.created) ? p.created : env.now
    const id = env.newId('ann')
    report.imported++
    report[p.result.status]++
    if (p.result.status === 'orphaned') {
      report.orphans.push({ index: p.index, externalId: p.externalId, exact: p.target.exact, reason: p.orphanReason ?? 'not found', annotationId: id })
    }
    return {
      id, documentId, target: p.target,
      tags: [...new Set(b.tags.map((t) => t.trim()).filter((t) => t && t.length <= 100))],
      note, entityIds: [...new Set(b.entities.map((ref) => findEntity(ref, p.target.exact)))], citations: citationLinks,
      ...(color ? { color } : {}),
      author: p.author ?? env.author, created, modified: isDateTime(p.modified) ? p.modified : created,
      // The file's creator made it; W3C has no "last changed by", so the creator is also the last modifier known.
      ...(p.creator ? { createdBy: p.creator, modifiedBy: p.creator } : {}),
      status: p.result.status
    }
  }))
  return { annotations, entities, citations, report }
}
