/**
 * The w3c domain: importing W3C Web Annotations into a document. Parsing, routing each target to
 * its document, anchoring and building the records are pure (src/shared/import/w3c-*.ts); this reads
 * the file's bytes, runs them with progress and cancellation, and stores the result as one undoable
 * edit. Annotations of a document the project does not have are reported, not attached as orphans.
 */
import type { HandlersOf } from '../../shared/api/define'
import type { W3cImportResult, w3cMethods } from '../../shared/api/w3c'
import { anchorW3cAnnotations, parseW3cAnnotations, type AnchoredW3cAnnotation } from '../../shared/import/w3c-annotations'
import { type AnchoredGroup, materialiseW3cImport } from '../../shared/import/w3c-materialise'
import { documentWithQuotes, routeW3cAnnotations, type W3cRoute, type W3cUnmatchedSource } from '../../shared/import/w3c-targets'
import { MarginaliaError } from '../../shared/result'
import { parseJsonSafely } from '../../shared/safe-json'
import { paletteColor } from '../../shared/colors'
import { decodeUtf8Strict } from '../../shared/text/normalise'
import type { ServiceContext } from './context'

/** Largest annotation file accepted (64 MiB of bytes, as for documents). */
const MAX_BASE64_CHARS = Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4
/** Annotations anchored between two progress reports / cancellation checks. */
const BATCH = 200

/** Handlers of the w3c domain (src/shared/api/w3c.ts). */
export function createW3cHandlers(ctx: ServiceContext): HandlersOf<typeof w3cMethods> {
  const { store } = ctx
  const documentOf = (id: string, role: string) => {
    const doc = store.data.documents[id]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${id}${role}`)
    return doc
  }
  return {
    async importAnnotations({ documentId, fileName, contentBase64, sourceMap, onlyMapped }, call): Promise<W3cImportResult> {
      documentOf(documentId, '')
      for (const [iri, id] of Object.entries(sourceMap ?? {})) documentOf(id, ` (sourceMap: ${iri})`)
      if (contentBase64.length > MAX_BASE64_CHARS) throw new MarginaliaError('too-large', `${fileName}: larger than the 64 MiB Marginalia imports`)
      let json: unknown
      try {
        json = parseJsonSafely(decodeUtf8Strict(new Uint8Array(Buffer.from(contentBase64, 'base64'))))
      } catch (err) {
        throw new MarginaliaError('invalid-file', `${fileName}: not a JSON file (${(err as Error).message})`)
      }
      const parsed = parseW3cAnnotations(json)
      if (parsed.errors.length > 0) {
        const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''
        throw new MarginaliaError('invalid-file', `${fileName}: ${parsed.errors[0]}${more}; nothing was imported`)
      }
      if (parsed.annotations.length === 0) {
        throw new MarginaliaError('invalid-file', `${fileName}: no annotations to import (${parsed.problems.join('; ') || 'the file is empty'})`)
      }
      const routes = routeW3cAnnotations(store.data, documentId, parsed.annotations, sourceMap).filter((r) => !onlyMapped || r.kind === 'mapped')
      const groups: AnchoredGroup[] = []
      const unmatched: W3cUnmatchedSource[] = []
      const total = routes.reduce((n, r) => n + r.annotations.length, 0)
      let done = 0
      for (const route of routes) {
        const index = await store.textIndex(route.documentId)
        const anchored: AnchoredW3cAnnotation[] = []
        for (let i = 0; i < route.annotations.length; i += BATCH) {
          if (call.signal?.aborted) throw new MarginaliaError('cancelled', `import of ${fileName} cancelled; nothing was changed`)
          call.progress?.(done, total, 'anchoring annotations')
          const batch = route.annotations.slice(i, i + BATCH)
          anchored.push(...anchorW3cAnnotations(index, batch))
          done += batch.length
          // Give the event loop a turn so a job's progress can be polled and a cancel can arrive.
          await new Promise<void>((resolve) => setImmediate(resolve))
        }
        // A source the project does not have, none of whose passages is in this document: not imported.
        if (route.kind === 'unknown' && anchored.every((a) => a.result.status === 'orphaned')) unmatched.push(await unmatchedSource(route))
        else groups.push({ documentId: route.documentId, anchored })
      }
      call.progress?.(total, total, 'anchoring annotations')
      // The project may have changed while anchoring yielded; the records are built from its state now.
      for (const g of groups) documentOf(g.documentId, ' (deleted during the import; nothing was changed)')
      const m = materialiseW3cImport(store.data, groups, { newId: ctx.newId, now: ctx.now(), author: ctx.author }, parsed.problems)
      if (m.annotations.length > 0) {
        const label = `Import ${m.annotations.length} W3C annotation${m.annotations.length === 1 ? '' : 's'} from ${fileName}`
        await store.transact(label, (tx) => {
          let knownTags = Object.keys(store.data.tags).length
          for (const e of m.entities) tx.put('entities', e)
          for (const c of m.citations) tx.put('citations', c)
          for (const a of m.annotations) {
            for (const tag of a.tags) if (!tx.get('tags', tag)) tx.put('tags', { id: tag, color: paletteColor(knownTags++) })
            tx.put('annotations', a)
          }
        })
      }
      const perDocument = groups.map((g) => ({ documentId: g.documentId, imported: g.anchored.length }))
      return { documentId, fileName, ...m.report, documents: perDocument, unmatched }
    }
  }

  /** What the report says of a source the project does not have, with the document its quotes are in, if any. */
  async function unmatchedSource(route: W3cRoute): Promise<W3cUnmatchedSource> {
    const texts = new Map<string, string>()
    for (const id of Object.keys(store.data.documents)) texts.set(id, await store.readText(id))
    const quotes = route.annotations.map((a) => a.selector?.exact ?? '')
    const suggested = documentWithQuotes(quotes, texts)
    const title = route.annotations.find((a) => a.sourceTitle)?.sourceTitle
    return {
      sourceIri: route.sourceIri!, annotations: route.annotations.length, ...(title ? { title } : {}),
      ...(suggested ? { suggestedDocumentId: suggested, suggestedTitle: store.data.documents[suggested].title } : {})
    }
  }
}
