/**
 * Editing the library by hand: an item from what was typed in the citation picker ("New item…"),
 * two items merged into one (the links follow the survivor), and the item's language checked.
 * Each edit is one undoable `transact`.
 */
import type { CitationMerge, CreatedFromText, CslItemInput, ParsedTypedReference } from '../../shared/api/citations'
import { cleanItem, dedupKeys, fillMissing } from '../../shared/citations/csl-item'
import { normaliseLanguage } from '../../shared/citations/language'
import { parseReference } from '../../shared/citations/reference-parser'
import type { Annotation, Citation, CitationLink, CslItem, CslName } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from '../services/context'

/** `item` with its language as a BCP 47 tag; an unusable language is refused with the expected form. */
export function withCheckedLanguage(item: CslItem): CslItem {
  if (item.language === undefined || item.language === '') return item
  const language = normaliseLanguage(item.language)
  if (!language) throw new MarginaliaError('invalid-argument', `language: "${String(item.language)}" is not a language tag (such as de, fr, en-GB) or a language name (such as german)`)
  return { ...item, language }
}

const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'di', 'da', 'du', 'la', 'le', 'al', 'el', 'ibn', 'bin', 'y', 'zu'])

/** True when every word of the name is capitalised, an initial or a particle (`Volkmar von Graeve`). */
function looksLikeName(n: CslName): boolean {
  const words = [n.given, n.family, n.literal].filter(Boolean).join(' ').split(/\s+/).filter(Boolean)
  return words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()))
}

/** The project item that is the same work as `item` (same DOI, or title + year + first author), if any. */
function duplicateOf(ctx: ServiceContext, item: CslItem): Citation | undefined {
  const keys = dedupKeys(item)
  return keys.length ? Object.values(ctx.store.data.citations).find((c) => dedupKeys(c.item).some((k) => keys.includes(k))) : undefined
}

/**
 * What typed text becomes: a full reference is parsed (authors, title, container, volume, year,
 * pages; a page locator apart), a bare phrase becomes the title. Creates nothing.
 */
export function parseTypedReference(ctx: ServiceContext, text: string): ParsedTypedReference {
  const parsed = parseReference(text)
  const item: CslItem = { ...parsed.item }
  // Words read as a name in a short form (`Geschichte des byzantinischen Staates`) are a title when they do not look like one.
  if (parsed.short && !item.title && item.author && !item.author.every(looksLikeName)) delete item.author
  // With neither title nor author, what was typed is the title.
  if (!item.title && !item.author?.length) item.title = text.trim()
  const dup = duplicateOf(ctx, item)
  const { id: _id, ...draft } = item
  return { item: draft as CslItemInput, ...(parsed.locator ? { locator: parsed.locator } : {}), ...(dup ? { duplicateOf: dup.id } : {}) }
}

/** Creates the item typed text describes (with `language` when given), or returns the item already there. */
export async function createFromText(ctx: ServiceContext, text: string, language?: string): Promise<CreatedFromText> {
  const parsed = parseTypedReference(ctx, text)
  if (parsed.duplicateOf) return { citation: ctx.store.data.citations[parsed.duplicateOf], created: false, ...(parsed.locator ? { locator: parsed.locator } : {}) }
  const id = ctx.newId('cit')
  const now = ctx.now()
  const item = withCheckedLanguage(cleanItem({ ...(parsed.item as CslItem), ...(language ? { language } : {}), id }))
  const citation: Citation = { id, item, created: now, modified: now }
  await ctx.store.transact('Add bibliography item', (tx) => tx.put('citations', citation))
  return { citation, created: true, ...(parsed.locator ? { locator: parsed.locator } : {}) }
}

/**
 * `from` becomes part of `into`: every annotation citing `from` cites `into` instead, a document
 * whose record says it is `from` now says `into`, `into` gains the fields it lacked (or, with
 * `chosen`, takes the fields the historian chose from either side) and `from`'s attached source if
 * it had none, and `from` is deleted. One edit.
 */
export async function mergeCitations(ctx: ServiceContext, intoId: string, fromId: string, chosen?: CslItem): Promise<CitationMerge> {
  const { citations, annotations, documents } = ctx.store.data
  const into = citations[intoId]
  const from = citations[fromId]
  if (!into) throw new MarginaliaError('not-found', `no citation with id ${intoId}`)
  if (!from) throw new MarginaliaError('not-found', `no citation with id ${fromId}`)
  if (intoId === fromId) throw new MarginaliaError('invalid-argument', 'an item cannot be merged into itself')
  const { item, added } = chosen ? chosenFields(into.item, from.item, withCheckedLanguage(cleanItem(chosen))) : fillMissing(into.item, from.item)
  const now = ctx.now()
  const survivor: Citation = { ...into, item: { ...item, id: intoId }, modified: now }
  if (!survivor.sourceDocumentId && from.sourceDocumentId) survivor.sourceDocumentId = from.sourceDocumentId
  const changed: Annotation[] = []
  let movedLinks = 0
  for (const a of Object.values(annotations)) {
    const moved = a.citations.filter((l) => l.citationId === fromId).length
    if (moved === 0) continue
    movedLinks += moved
    changed.push({ ...a, citations: joinLinks(a.citations.map((l) => (l.citationId === fromId ? { ...l, citationId: intoId } : l)), intoId), modified: now })
  }
  const records = Object.values(documents)
    .filter((d) => d.metadata.citationId === fromId)
    .map((d) => ({ ...d, metadata: { ...d.metadata, citationId: intoId }, modified: now }))
  await ctx.store.transact('Merge bibliography items', (tx) => {
    tx.put('citations', survivor)
    for (const a of changed) tx.put('annotations', a)
    for (const d of records) tx.put('documents', d)
    tx.remove('citations', fromId)
  })
  return { citation: survivor, addedFields: added, movedLinks, annotations: changed.length, removed: fromId, documents: records.length }
}

/** The chosen item, and the fields where it took `from`'s value rather than `into`'s. */
function chosenFields(into: CslItem, from: CslItem, chosen: CslItem): { item: CslItem; added: string[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
  const c = chosen as Record<string, unknown>
  const [i, f] = [into as Record<string, unknown>, from as Record<string, unknown>]
  const added = Object.keys(c).filter((k) => k !== 'id' && !same(c[k], i[k]) && same(c[k], f[k]))
  return { item: chosen, added }
}

/**
 * An annotation's links once both items are one (`intoId`): links at the same locator become one
 * (keeping a verdict either had), and a bare link (no locator, no verdict) gives way to another.
 * Links at different locators stay apart: nothing the historian wrote is lost.
 */
export function joinLinks(links: readonly CitationLink[], intoId: string): CitationLink[] {
  const others = links.filter((l) => l.citationId !== intoId)
  const mine = links.filter((l) => l.citationId === intoId)
  const byLocator = new Map<string, CitationLink>()
  for (const l of mine) {
    const key = l.locator ?? ''
    const prev = byLocator.get(key)
    byLocator.set(key, prev ? (prev.verification || !l.verification ? prev : { ...prev, verification: l.verification }) : l)
  }
  let joined = [...byLocator.values()]
  if (joined.length > 1) joined = joined.filter((l) => l.locator || l.verification)
  // Keep the annotation's order: the survivor's links where its first link stood.
  const at = links.findIndex((l) => l.citationId === intoId)
  const out = [...others]
  out.splice(links.slice(0, at).filter((l) => l.citationId !== intoId).length, 0, ...joined)
  return out
}
