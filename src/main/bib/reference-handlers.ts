/**
 * References found in a document's text, as proposals the historian accepts, edits or rejects.
 * Proposals are recomputed from the text each time (cheap, and always in step with the text);
 * only rejections are stored (as RejectedSuggestions with the `rjc_` id prefix, which tells them
 * apart from rejected entity suggestions in the same collection).
 */
import type { AcceptResult, CslItemInput } from '../../shared/api/citations'
import { cleanItem, dedupKeys } from '../../shared/citations/csl-item'
import { extractReferences } from '../../shared/citations/extract-references'
import type { ReferenceProposal } from '../../shared/citations/proposal'
import type { Annotation, Citation, CitationLink, CslItem, RejectedSuggestion } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { widenToGraphemes } from '../../shared/text/graphemes'
import { describe } from '../../shared/anchoring/describe'
import type { ServiceContext } from '../services/context'

/** Id prefix of a rejected reference proposal in `rejectedSuggestions`. */
export const REJECTED_REFERENCE_PREFIX = 'rjc_'

function isRejected(ctx: ServiceContext, documentId: string, p: ReferenceProposal): boolean {
  return Object.values(ctx.store.data.rejectedSuggestions).some(
    (r) => r.id.startsWith(REJECTED_REFERENCE_PREFIX) && r.documentId === documentId && r.start === p.start && r.end === p.end && r.exact === p.exact
  )
}

async function proposalsOf(ctx: ServiceContext, documentId: string): Promise<ReferenceProposal[]> {
  if (!ctx.store.data.documents[documentId]) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
  const text = await ctx.store.readText(documentId)
  const proposals = extractReferences(text, Object.values(ctx.store.data.citations))
  const annotations = Object.values(ctx.store.data.annotations).filter((a) => a.documentId === documentId)
  for (const p of proposals) {
    const target = p.match?.ref.startsWith('note:') ? undefined : p.match?.ref
    // Accepted: the claim is already a highlight citing the matched item (or any item, when unmatched).
    p.accepted = annotations.some(
      (a) => a.target.start === p.claim.start && a.target.end === p.claim.end && a.citations.some((c) => !target || c.citationId === target)
    )
  }
  return proposals
}

/** Proposals of a document, in text order; rejected ones only when asked. */
export async function listProposals(ctx: ServiceContext, documentId: string, includeRejected = false): Promise<ReferenceProposal[]> {
  const all = await proposalsOf(ctx, documentId)
  return includeRejected ? all : all.filter((p) => !isRejected(ctx, documentId, p))
}

async function findProposal(ctx: ServiceContext, documentId: string, proposalId: string): Promise<{ p: ReferenceProposal; all: ReferenceProposal[] }> {
  const all = await proposalsOf(ctx, documentId)
  const p = all.find((x) => x.id === proposalId)
  if (!p) throw new MarginaliaError('not-found', `no reference proposal ${proposalId} in document ${documentId} (the text may have changed; extract again)`)
  return { p, all }
}

/** Stores the rejection; the proposal is no longer listed. */
export async function rejectProposal(ctx: ServiceContext, documentId: string, proposalId: string): Promise<{ proposalId: string }> {
  const { p } = await findProposal(ctx, documentId, proposalId)
  if (isRejected(ctx, documentId, p)) return { proposalId }
  const record: RejectedSuggestion = { id: ctx.newId('rjc'), documentId, start: p.start, end: p.end, exact: p.exact, created: ctx.now() }
  await ctx.store.transact('Reject reference', (tx) => tx.put('rejectedSuggestions', record))
  return { proposalId }
}

export interface AcceptArgs {
  documentId: string
  proposalId: string
  item?: CslItemInput
  citationId?: string
  locator?: string
  claim?: { start: number; end: number }
}

/** The item to cite: the one given, the matched project item, or a new one (merged if a duplicate exists). */
function resolveCitation(ctx: ServiceContext, args: AcceptArgs, p: ReferenceProposal, all: ReferenceProposal[]): { citation: Citation; created: boolean } {
  const citations = ctx.store.data.citations
  if (args.citationId) {
    const c = citations[args.citationId]
    if (!c) throw new MarginaliaError('not-found', `no citation with id ${args.citationId}`)
    return { citation: c, created: false }
  }
  if (!args.item && p.match && citations[p.match.ref]) return { citation: citations[p.match.ref], created: false }
  // A short note matched to an earlier full note: cite the full note's item.
  const noteNumber = !args.item && p.match?.ref.startsWith('note:') ? Number(p.match.ref.slice(5)) : undefined
  const fromNote = noteNumber !== undefined ? all.find((x) => x.note?.number === noteNumber && x.item)?.item : undefined
  const item = (args.item as CslItem | undefined) ?? fromNote ?? p.item
  if (!item) throw new MarginaliaError('invalid-argument', `proposal ${p.id} has no bibliographic data (empty note); edit it or choose an item`)
  const keys = dedupKeys(item)
  const dup = Object.values(citations).find((c) => dedupKeys(c.item).some((k) => keys.includes(k)))
  if (dup) return { citation: dup, created: false }
  const id = ctx.newId('cit')
  const now = ctx.now()
  return { citation: { id, item: cleanItem({ ...item, id }), created: now, modified: now }, created: true }
}

/**
 * Accepts a proposal in one undoable edit: creates the item (or links the existing one) and makes
 * the claim an annotation citing it with the locator (adding the link to an annotation that
 * already covers exactly the claim).
 */
export async function acceptProposal(ctx: ServiceContext, args: AcceptArgs): Promise<AcceptResult> {
  const { p, all } = await findProposal(ctx, args.documentId, args.proposalId)
  const { citation, created } = resolveCitation(ctx, args, p, all)
  const index = await ctx.store.textIndex(args.documentId)
  const claim = args.claim ?? p.claim
  if (claim.start >= claim.end || claim.end > index.length) {
    throw new MarginaliaError('invalid-argument', `claim [${claim.start}, ${claim.end}) is not a passage of the document (${index.length} code points)`)
  }
  const range = widenToGraphemes(index, claim.start, claim.end)
  const locator = (args.locator ?? p.locator)?.trim() || undefined
  const link: CitationLink = locator ? { citationId: citation.id, locator } : { citationId: citation.id }
  const now = ctx.now()
  const existing = Object.values(ctx.store.data.annotations).find(
    (a) => a.documentId === args.documentId && a.target.start === range.start && a.target.end === range.end
  )
  let annotation: Annotation
  if (existing) {
    const others = existing.citations.filter((c) => c.citationId !== citation.id)
    const prev = existing.citations.find((c) => c.citationId === citation.id)
    annotation = { ...existing, citations: [...others, prev?.verification ? { ...link, verification: prev.verification } : link], modified: now }
  } else {
    annotation = {
      id: ctx.newId('ann'),
      documentId: args.documentId,
      target: describe(index, range.start, range.end),
      tags: [],
      note: '',
      entityIds: [],
      citations: [link],
      author: ctx.author,
      created: now,
      modified: now,
      status: 'anchored'
    }
  }
  await ctx.store.transact('Accept reference', (tx) => {
    if (created) tx.put('citations', citation)
    tx.put('annotations', annotation)
  })
  return { citation, createdCitation: created, annotation }
}
