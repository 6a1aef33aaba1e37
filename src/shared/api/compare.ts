import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { Annotation, Citation, Discrepancy, VerificationStatus } from '../model'
import type { ResolvedLocator } from '../structure/resolve-locator'
import type { CompareResult } from '../compare/compare'
import { method } from './define'
import { documentFormat, id, offset, verificationStatus } from './schemas'

export type { Candidate, CompareResult, MatchedTerm, TextSpan } from '../compare/compare'
export type { ClaimParts } from '../compare/claim-parts'
export type { Judgement, JudgementVerdict } from '../compare/judgement'
export type { LocatedRange, ResolvedLocator } from '../structure/resolve-locator'
export type { LocatorPart } from '../structure/parse-locator'

/** A passage of a source chosen by hand, with its discrepancies against the claim. */
export interface PassageCheck {
  sourceDocumentId: string
  /** Code points of the source document, end exclusive. */
  start: number
  end: number
  exact: string
  discrepancies: Discrepancy[]
}

/** A comparison as the API returns it: the candidates plus what was compared. */
export interface Comparison extends CompareResult {
  sourceDocumentId: string
  annotationId?: string
  citationId?: string
  /** The claim; `claimStart`/`claimEnd` are code points of its document when it is an annotation. */
  claim: string
  claimDocumentId?: string
  claimStart?: number
  claimEnd?: number
  locator?: string
}

/** What indexing a source produced. */
export interface SourceIndexInfo {
  documentId: string
  sentences: number
  terms: number
  chapters: { number: number; label: string; start: number; end: number }[]
  /** True when the index was read from disk or memory instead of being built now. */
  cached: boolean
}

/** One row of the verification report: a claim with a citation link and its verdict. */
export interface VerificationRow {
  annotationId: string
  documentId: string
  documentTitle: string
  /** The claim; offsets in code points of its document. */
  claimStart: number
  claimEnd: number
  claim: string
  citationId: string
  citationLabel: string
  locator?: string
  status: VerificationStatus
  sourceDocumentId?: string
  sourceTitle?: string
  /** The source passage; offsets in code points of the source document. */
  sourceStart?: number
  sourceEnd?: number
  sourceExact?: string
  discrepancies: Discrepancy[]
  note: string
  by?: string
  at?: string
}

const discrepancy = z.object({
  kind: z.enum(['date', 'number', 'name', 'place']),
  claim: z.string().max(1000),
  source: z.string().max(1000),
  variant: z.boolean(),
  entityId: id.optional()
})

/** Operations of the compare domain; see src/main/services/compare-service.ts. */
export const compareMethods = {
  /**
   * Attaches a source to a bibliography item: an existing document (`documentId`), or a file's
   * bytes (base64) imported as a document with role `source`. One undoable edit.
   */
  attachSource: method<Citation>()(
    limitFileContent(z.object({
      citationId: id,
      documentId: id.optional(),
      fileName: z.string().min(1).max(500).optional(),
      contentBase64: z.string().optional(),
      format: documentFormat.optional(),
      title: z.string().max(500).optional()
    }), 'contentBase64', LIMITS.documentFile),
    { mutates: true }
  ),
  /** Builds (or loads) the search index of a source document. Long for large sources: run it as a job. */
  indexSource: method<SourceIndexInfo>()(z.object({ documentId: id })),
  /**
   * Ranks the passages of a source for a claim. Either an annotation (its citation's attached
   * source, or `sourceDocumentId`; the link's locator narrows the search) or a `claim` text with a
   * `sourceDocumentId`. Candidates carry start/end in code points of the source.
   */
  compareClaim: method<Comparison>()(
    z.object({
      annotationId: id.optional(),
      citationId: id.optional(),
      claim: z.string().min(1).max(20_000).optional(),
      sourceDocumentId: id.optional(),
      locator: z.string().max(200).optional(),
      top: z.number().int().min(1).max(50).optional()
    })
  ),
  /**
   * The discrepancies between a claim (an annotation, or a claim text) and a passage of a source
   * chosen by hand (code points of the source), before a verdict is recorded.
   */
  checkPassage: method<PassageCheck>()(
    z.object({
      annotationId: id.optional(),
      claim: z.string().min(1).max(20_000).optional(),
      sourceDocumentId: id,
      start: offset,
      end: offset
    })
  ),
  /**
   * Resolves a locator (`p. 39`, `pp. 339–342`, `fol. 12r`, `ch. LXIV`, `p. 39, l. 5`) against a
   * document's structure into code point ranges: for the citation panel and "go to cited page".
   */
  locate: method<ResolvedLocator>()(z.object({ documentId: id, locator: z.string().min(1).max(200) })),
  /**
   * Records a verdict on an annotation's citation link, with the source passage (code points of
   * the source) as a selector. Discrepancies are computed from the passage unless given. Undoable.
   */
  verifyClaim: method<Annotation>()(
    z.object({
      annotationId: id,
      citationId: id,
      status: verificationStatus,
      sourceDocumentId: id.optional(),
      sourceStart: offset.optional(),
      sourceEnd: offset.optional(),
      note: z.string().max(100_000).optional(),
      discrepancies: z.array(discrepancy).max(200).optional()
    }),
    { mutates: true }
  ),
  /** Every claim with a citation link, its verdict, both passages and the discrepancies. */
  verificationReport: method<VerificationRow[]>()(z.object({ documentId: id.optional() })),
  /** The verification report as a CSV file or a readable HTML page. */
  exportVerificationReport: method<{ fileName: string; mediaType: string; content: string }>()(
    z.object({ format: z.enum(['csv', 'html']), documentId: id.optional() })
  )
}
