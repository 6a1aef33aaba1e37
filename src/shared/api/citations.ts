import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { Annotation, Citation, CslItem } from '../model'
import type { ReferenceProposal, TextSpan } from '../citations/proposal'
import { bibliographyFormatSchema, type BibliographyFormat } from '../model/bibliography-formats'
import { citationStyleSchema, type CitationStyle } from '../model/citation-styles'
import { method } from './define'
import { id, offset } from './schemas'

const cslName = z.object({ family: z.string().max(500).optional(), given: z.string().max(500).optional(), literal: z.string().max(1000).optional() }).passthrough()
/** A CSL-JSON item as the UI and CLI send it; `id` is replaced by the citation's own id. */
export const cslItemSchema = z
  .object({
    id: z.string().max(500).optional(),
    type: z.string().min(1).max(100),
    title: z.string().max(5000).optional(),
    /** The item's language (CSL `language`): a BCP 47 tag such as `de`, `fr`, `en-GB`. Titles of a non-English item keep their capitalisation. */
    language: z.string().trim().max(50).optional(),
    author: z.array(cslName).max(500).optional(),
    editor: z.array(cslName).max(500).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()])).max(3)).max(2).optional(), literal: z.string().max(200).optional(), raw: z.string().max(200).optional() }).passthrough().optional()
  })
  .passthrough()

export const citationStyle = citationStyleSchema
export type { CitationStyle }

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
  format: BibliographyFormat
  /** Entries read from the file (items, not @string/@comment). */
  read: number
  /** New items added to the project. */
  imported: number
  /** Entries merged into an item already in the project or earlier in the file (the sum of the next two). */
  merged: number
  /** Entries that repeated an earlier entry of the same file (merged into it). */
  duplicatesInFile: number
  /** Entries merged into an item the project already had. */
  mergedWithExisting: number
  /** `within`: whether the item merged into was already in the `project` or came earlier in the `file`. */
  mergedDetails: { line: number; key: string; into: string; by: string; added: string[]; within: 'project' | 'file' }[]
  skipped: { line: number; key: string; reason: string }[]
  /** Ids of the new citations, in file order. */
  citationIds: string[]
  /** The outcome in one sentence for the historian, e.g. `12 items imported; 2 duplicates within the file merged; 1 merged with an existing item.` */
  summary: string
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

/** What typed text would become as an item ("New item…"): a draft to show in the item form. */
export interface ParsedTypedReference {
  /** The item's fields read from the text (no id yet). */
  item: CslItemInput
  /** A page locator found at the end of the reference (`pp. 339-342`), for the citation link. */
  locator?: string
  /** A project item that is the same work (same DOI, or title, year and first author), when there is one. */
  duplicateOf?: string
}

/** What `createCitationFromText` did. */
export interface CreatedFromText {
  citation: Citation
  /** False when the project already had the work (that item is returned). */
  created: boolean
  locator?: string
}

/** What `mergeCitations` did. */
export interface CitationMerge {
  /** The surviving item, as stored. */
  citation: Citation
  /** Fields it gained from the merged-away item. */
  addedFields: string[]
  /** The merged-away item's id (deleted). */
  removed: string
  /** Documents whose record said they were the merged-away item, now the survivor. */
  documents: number
  /** Citation links moved to it. */
  movedLinks: number
  /** Annotations changed. */
  annotations: number
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
  /** What typed text (a full reference, or a few words) would become as an item. Creates nothing. */
  parseReference: method<ParsedTypedReference>()(z.object({ text: z.string().trim().min(1).max(2000) })),
  /**
   * "New item…": creates the item typed text describes, in `language` (BCP 47 tag or a name such as
   * `german`) when given; when the project already has the work, returns that item instead.
   */
  createCitationFromText: method<CreatedFromText>()(
    z.object({ text: z.string().trim().min(1).max(2000), language: z.string().trim().max(50).optional() }),
    { mutates: true }
  ),
  /**
   * Merges two items by hand: `from` becomes part of `into` — every citation link moves to `into`
   * (links at the same locator join), `into` gains the fields it lacked, `from` is deleted. One
   * undoable edit. `item`, when given, is the survivor's item as the historian chose it field by
   * field (from either side); it replaces `into`'s instead of the automatic filling.
   */
  mergeCitations: method<CitationMerge>()(z.object({ into: id, from: id, item: cslItemSchema.optional() }), { mutates: true }),
  /** Deletes an item and removes every link to it from annotations, in one undoable edit. */
  deleteCitation: method<{ id: string; unlinkedAnnotations: number }>()(z.object({ id }), { mutates: true }),
  /**
   * Imports a BibTeX/BibLaTeX, RIS or CSL-JSON file (bytes as base64). Duplicates are merged; a
   * malformed entry is skipped and reported with its line and key; nothing already there changes
   * except merged items gaining fields they lacked.
   */
  importBibliography: method<BibImportReport>()(
    limitFileContent(z.object({ fileName: z.string().min(1).max(500), contentBase64: z.string(), format: bibliographyFormatSchema.optional() }), 'contentBase64', LIMITS.bibliographyFile),
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
  /**
   * A formatted bibliography, in the style's order: of the items `citationIds` when given, else of
   * the works cited in `documentId`, else of the works cited in the project (cited by at least one
   * highlight). The library itself is a list (`listCitations`), not formatted unless asked by id.
   * Entries are kept per item and style: only new or changed items are formatted again, in
   * chunks that let notes pass first. Reports progress in items and can be cancelled as a job.
   */
  formatBibliography: method<FormattedBibliography>()(z.object({ style: citationStyle, citationIds: z.array(id).max(100_000).optional(), documentId: id.optional() })),
  /** Notes for every citation link of a document's annotations, in document order (kept per style until the document's citations change). */
  formatNotes: method<FormattedNote[]>()(z.object({ documentId: id, style: citationStyle }))
}

/** The CSL item as sent, typed. */
export type CslItemInput = z.infer<typeof cslItemSchema>
export type { CslItem }
