/**
 * Reading the bodies of W3C annotations (ours, Recogito's, Hypothesis's…) into what a Marginalia
 * annotation holds. The inverse of src/shared/export/w3c-bodies.ts; anything not understood is
 * kept (as a line of the note) and reported, never dropped.
 */
import { CITES, VERDICTS } from '../export/w3c-vocabulary'
import type { VerificationStatus } from '../model'
import { creatorPerson } from './w3c-creator'

type J = Record<string, unknown>

/** An entity an `identifying` body names. */
export interface EntityRef {
  iri: string
  label?: string
  /** `dcterms:type` class IRI, when given. */
  classIri?: string
  sameAs: string[]
}

/** A cited work a `linking` body points to. */
export interface CitationRef {
  iri: string
  label?: string
  locator?: string
  /** True when typed as CiTO `cites` (a citation made by Marginalia or a CiTO-aware tool). */
  cites: boolean
}

/** A verdict of an `assessing` body. */
export interface VerdictRef {
  /** IRI of the cited work it judges (`dcterms:references`), when given. */
  citationIri?: string
  status?: VerificationStatus
  note: string
  by?: string
  /** The ORCID iD of `by`, when the creator's id is an ORCID URL. */
  byOrcid?: string
  at?: string
  /** The source passage it was checked against: a document IRI and its selectors. */
  passage?: { sourceIri: string; selectors: J[] }
}

export interface ParsedBodies {
  notes: string[]
  tags: string[]
  entities: EntityRef[]
  citations: CitationRef[]
  verdicts: VerdictRef[]
  /** Bodies not understood, as short JSON, kept in the note and reported. */
  unsupported: string[]
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
/** The IRI of a node given as a string or as `{ id }` / `{ "@id" }`. */
export const iriOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? str((v as J).id) ?? str((v as J)['@id']) : undefined
const purposes = (b: J): string[] => arr(b.purpose).map((p) => String(p).replace(/^(oa:|http:\/\/www\.w3\.org\/ns\/oa#)/, ''))
const typesOf = (b: J): string[] => arr(b.type ?? b['@type']).map(String)

/** Parses the bodies of one annotation (`body` and `bodyValue`). */
export function parseBodies(annotation: J): ParsedBodies {
  const out: ParsedBodies = { notes: [], tags: [], entities: [], citations: [], verdicts: [], unsupported: [] }
  const bodyValue = str(annotation.bodyValue)
  if (bodyValue) out.notes.push(bodyValue)
  for (const raw of arr(annotation.body)) {
    if (typeof raw === 'string') {
      out.citations.push({ iri: raw, cites: false }) // a bare IRI body links to a resource
      continue
    }
    if (!raw || typeof raw !== 'object') {
      out.unsupported.push(JSON.stringify(raw))
      continue
    }
    const b = raw as J
    const ps = purposes(b)
    const value = str(b.value) ?? str((b as J)['rdf:value'])
    const isText = value !== undefined && (typesOf(b).includes('TextualBody') || typesOf(b).length === 0 || !('source' in b))
    if (ps.includes('assessing')) out.verdicts.push(verdictOf(b, value))
    else if (isText && ps.includes('tagging')) out.tags.push(value!)
    else if (isText) {
      // commenting, describing, replying, questioning or no purpose: the historian's note. Other
      // purposes are kept with their name so nothing is lost.
      const plain = ps.length === 0 || ps.some((p) => ['commenting', 'describing', 'replying'].includes(p))
      out.notes.push(plain ? value! : `[${ps.join(', ')}] ${value}`)
    } else if (ps.includes('identifying') || ps.includes('classifying')) {
      const src = b.source ?? b
      const iri = iriOf(src)
      if (!iri) out.unsupported.push(JSON.stringify(b))
      else {
        const s = typeof src === 'object' ? (src as J) : {}
        out.entities.push({
          iri, label: str(s.label) ?? str(b.label), classIri: iriOf(s['dcterms:type']), sameAs: arr(s['owl:sameAs']).map(iriOf).filter((x): x is string => !!x)
        })
      }
    } else if (ps.includes('linking') || iriOf(b.source) || iriOf(b)) {
      const src = b.source ?? b
      const iri = iriOf(src)
      if (!iri) out.unsupported.push(JSON.stringify(b))
      else {
        const s = typeof src === 'object' ? (src as J) : {}
        out.citations.push({ iri, label: str(s.label) ?? str(b.label), locator: str(b.locator), cites: iriOf(b['dcterms:type']) === CITES })
      }
    } else out.unsupported.push(JSON.stringify(b))
  }
  return out
}

function verdictOf(b: J, value: string | undefined): VerdictRef {
  const citationIri = iriOf(b['dcterms:references'])
  if (value === undefined) {
    // The passage half of a verdict (a SpecificResource with selectors in the source document).
    const sourceIri = iriOf(b.source)
    return { citationIri, note: '', passage: sourceIri ? { sourceIri, selectors: arr(b.selector) as J[] } : undefined }
  }
  const [first, ...rest] = value.split('\n')
  const status = (VERDICTS as readonly string[]).includes(first.trim()) ? (first.trim() as VerificationStatus) : undefined
  // A bad ORCID or name only leaves `by` out (the importer's name is used); the annotation's creator reports such problems.
  const person = creatorPerson(b.creator, 'verdict', () => undefined)
  return { citationIri, status, note: status ? rest.join('\n') : value, by: person?.name, ...(person?.orcid ? { byOrcid: person.orcid } : {}), at: str(b.created) }
}
