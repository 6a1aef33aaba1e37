/**
 * The w3c domain: importing W3C Web Annotations into a document. Parsing, anchoring and building
 * the records are pure (src/shared/import/w3c-*.ts); this reads the file's bytes, runs them with
 * progress and cancellation, and stores the result as one undoable edit.
 */
import type { HandlersOf } from '../../shared/api/define'
import type { W3cImportResult, w3cMethods } from '../../shared/api/w3c'
import { anchorW3cAnnotations, parseW3cAnnotations, type AnchoredW3cAnnotation } from '../../shared/import/w3c-annotations'
import { materialiseW3cImport } from '../../shared/import/w3c-materialise'
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
  return {
    async importAnnotations({ documentId, fileName, contentBase64 }, call): Promise<W3cImportResult> {
      const doc = store.data.documents[documentId]
      if (!doc) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
      if (contentBase64.length > MAX_BASE64_CHARS) throw new MarginaliaError('too-large', `${fileName}: larger than the 64 MiB Marginalia imports`)
      let json: unknown
      try {
        json = parseJsonSafely(decodeUtf8Strict(new Uint8Array(Buffer.from(contentBase64, 'base64'))))
      } catch (err) {
        throw new MarginaliaError('invalid-file', `${fileName}: not a JSON file (${(err as Error).message})`)
      }
      const parsed = parseW3cAnnotations(json)
      if (parsed.annotations.length === 0) {
        throw new MarginaliaError('invalid-file', `${fileName}: no annotations to import (${parsed.problems.join('; ') || 'the file is empty'})`)
      }
      const index = await store.textIndex(documentId)
      const anchored: AnchoredW3cAnnotation[] = []
      const total = parsed.annotations.length
      for (let i = 0; i < total; i += BATCH) {
        if (call.signal?.aborted) throw new MarginaliaError('cancelled', `import of ${fileName} cancelled; nothing was changed`)
        call.progress?.(i, total, 'anchoring annotations')
        anchored.push(...anchorW3cAnnotations(index, parsed.annotations.slice(i, i + BATCH)))
        // Give the event loop a turn so a job's progress can be polled and a cancel can arrive.
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
      call.progress?.(total, total, 'anchoring annotations')
      // The project may have changed while anchoring yielded; the records are built from its state now.
      if (!store.data.documents[documentId]) throw new MarginaliaError('not-found', `document ${documentId} was deleted during the import; nothing was changed`)
      const m = materialiseW3cImport(store.data, documentId, anchored, { newId: ctx.newId, now: ctx.now(), author: ctx.author }, parsed.problems)
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
      return { documentId, fileName, ...m.report }
    }
  }
}
