import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { Annotation, Citation, CslItem } from '../model'
import type { ReferenceProposal, TextSpan } from '../citations/proposal'
import { method } from './define'
import { id, offset } from './schemas'

const cslName = z.object({ family: z.string().max(500).optional(), given: z.string().max(500).optional(), literal: z.string().max(1000).optional() }).passthrough()
/** A CSL-JSON item as the UI and CLI send it; `id` is replaced by the citation's own id. */
export const cslItemSchema = z
  .object({
    id: z.string().max(500).optional(),
    type: z.string().min(1).max(100),
    title: z.string().max(5000).optional(),
    author: z.array(cslName).max(500).optional(),
    editor: z.array(cslName).max(500).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()])).max(3)).max(2).optional(), literal: z.string().max(200).optional(), raw: z.string().max(200).optional() }).passthrough().optional()
  })
  .passthrough()

export const citationStyle = z.enum(['chicago-notes-bibliography', 'chicago-author-date'])
export type CitationStyle = z.infer<typeof citationStyle>

/** A bibliography item with a readable label and how many highlights cite it. */
export interface CitationSummary extends Citation {
  /** e.g. `Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus` */
  label: string
  /** Number of annotations citing it. */
  citedBy: number
}

/** A passage citing an item; offsets in code points of its document's normalised text. */
export interface CitingPassage {
  annotationId: string
  documentId: string
  documentTitle: string
  start: number
  end: number
  exact: string
  locator?: string
}

/** Outcome of a bibliography import. Lines are 1-based lines of the file (line ends normalised). */
export interface BibImportReport {
  fileName: string
  format: 'bibtex' | 'ris' | 'csl-json'
  /** Entries read from the file (items, not @string/@comment). */
  read: number
  /** New items added to the project. */
  imported: number
  /** Entries merged into an item already in the project or earlier in the file. */
  merged: number
  mergedDetails: { line: number; key: string; into: string; by: string; added: string[] }[]
  skipped: { line: number; key: string; reason: string }[]
  /** Ids of the new citations, in file order. */
  citationIds: string[]
}

/** A formatted bibliography or list of notes, as HTML (citeproc's, escaped) and plain text. */
export interface FormattedEntry {
  citationId: string
  html: string
  text: string
}
export interface FormattedBibliography {
  style: CitationStyle
  entries: FormattedEntry[]
  /** The whole bibliography as one HTML fragment and as plain text (one entry per line). */
  html: string
  text: string
}
/** One note per citation link of a document's annotations, in document order. */
export interface FormattedNote {
  annotationId: string
  citationId: string
  locator?: string
  /** Note number (1-based) in document order. */
  number: number
  /** The cited passage (the annotation's quote). */
  quote: string
  html: string
  text: string
}

export interface AcceptResult {
  citation: Citation
  /** True when a new bibliography item was created (false: an existing one was linked). */
  createdCitation: boolean
  annotation: Annotation
}

export type { ReferenceProposal, TextSpan }

/** Operations of the citations domain; see src/main/services/citations-service.ts. */
export const citationsMethods = {
  /** The project bibliography, sorted by label. */
  listCitations: method<CitationSummary[]>()(z.object({})),
  getCitation: method<Citation>()(z.object({ id })),
  /** Adds an item by hand. */
  createCitation: method<Citation>()(z.object({ item: cslItemSchema, sourceDocumentId: id.optional() }), { mutates: true }),
  /** Replaces the item's CSL-JSON (and/or its attached source document; null detaches it). */
  updateCitation: method<Citation>()(
    z.object({ id, item: cslItemSchema.optional(), sourceDocumentId: id.nullable().optional() }),
    { mutates: true }
  ),
  /** Deletes an item and removes every link to it from annotations, in one undoable edit. */
  deleteCitation: method<{ id: string; unlinkedAnnotations: number }>()(z.object({ id }), { mutates: true }),
  /**
   * Imports a BibTeX/BibLaTeX, RIS or CSL-JSON file (bytes as base64). Duplicates are merged; a
   * malformed entry is skipped and reported with its line and key; nothing already there changes
   * except merged items gaining fields they lacked.
   */
  importBibliography: method<BibImportReport>()(
    limitFileContent(z.object({ fileName: z.string().min(1).max(500), contentBase64: z.string(), format: z.enum(['bibtex', 'ris', 'csl-json']).optional() }), 'contentBase64', LIMITS.bibliographyFile),
    { mutates: true }
  ),
  /** References found in a document's text, as proposals (rejected ones left out). */
  extractReferences: method<ReferenceProposal[]>()(z.object({ documentId: id, includeRejected: z.boolean().optional() })),
  /**
   * Accepts a proposal: links its matched item (or `citationId`), else creates the item (`item`
   * overrides the parsed one: the edit), and makes the claim sentence (or `claim` range) an
   * annotation citing it with the locator. One undoable edit.
   */
  acceptReference: method<AcceptResult>()(
    z.object({
      documentId: id,
      proposalId: z.string().min(1).max(200),
      item: cslItemSchema.optional(),
      citationId: id.optional(),
      locator: z.string().max(200).optional(),
      claim: z.object({ start: offset, end: offset }).optional()
    }),
    { mutates: true }
  ),
  /** Rejects a proposal: it is not proposed again for this document. */
  rejectReference: method<{ proposalId: string }>()(z.object({ documentId: id, proposalId: z.string().min(1).max(200) }), { mutates: true }),
  /** Annotations citing an item, in document order. */
  listCitingPassages: method<CitingPassage[]>()(z.object({ citationId: id })),
  /** The bibliography of the given items (all when absent) in a Chicago style. */
  formatBibliography: method<FormattedBibliography>()(z.object({ style: citationStyle, citationIds: z.array(id).max(100_000).optional() })),
  /** Notes for every citation link of a document's annotations, in document order. */
  formatNotes: method<FormattedNote[]>()(z.object({ documentId: id, style: citationStyle }))
}

/** The CSL item as sent, typed. */
export type CslItemInput = z.infer<typeof cslItemSchema>
export type { CslItem }
