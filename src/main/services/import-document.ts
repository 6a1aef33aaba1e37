/**
 * Imports a file as a new document: parses it in the import worker (progress, cancel, budgets),
 * then stores the original bytes, the normalised text and any page images, and puts the document
 * with the annotations and entities its own markup brings (a TEI edition's names and dates) in
 * one undoable edit. A parse failure or a cancel changes nothing; a failure while storing leaves
 * at most unreferenced files under sources/ and texts/, never a half-made document.
 */
import { extname } from 'node:path'
import type { ImportReport, ImportedDocument } from '../../shared/api/documents'
import type { CallContext } from '../../shared/api/define'
import type { ParsedDocument } from '../../shared/import/parsed-document'
import { baseFileName } from '../../shared/import/parse-document'
import { materialisePreAnnotations, PRE_ANNOTATION_TAG } from '../../shared/import/pre-annotations'
import type { DocumentRecord, PageImage } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { paletteColor } from '../../shared/colors'
import { parseImport } from '../import/import-worker-client'
import type { ImportOptions, ServiceContext } from './context'

/** Counts a historian sees after an import. */
function reportOf(parsed: ParsedDocument, annotations: number, entitiesCreated: number, entitiesReused: number): ImportReport {
  const count = (kind: string) => parsed.structure.filter((b) => b.kind === kind).length
  return {
    pages: count('page'),
    headings: count('heading'),
    paragraphs: count('paragraph'),
    notes: count('note'),
    lines: count('line'),
    preAnnotations: annotations,
    entitiesCreated,
    entitiesReused,
    lowConfidenceWords: parsed.metadata.ocr?.lowConfidence.length ?? 0,
    ...(parsed.metadata.gutenberg ? { gutenberg: { trimmed: parsed.metadata.gutenberg.trimmed } } : {}),
    ...(parsed.metadata.encoding ? { encoding: parsed.metadata.encoding } : {})
  }
}

/** Stores page images under sources/ and returns their records. */
export async function savePageImages(ctx: ServiceContext, parsed: ParsedDocument): Promise<PageImage[]> {
  const out: PageImage[] = []
  for (const img of parsed.pageImages ?? []) {
    const sha256 = await ctx.store.saveSource(img.bytes, img.ext)
    out.push({ page: img.page, sha256, ext: img.ext, width: img.width, height: img.height })
  }
  return out
}

export async function importDocument(ctx: ServiceContext, fileName: string, bytes: Uint8Array, options: ImportOptions, call: CallContext = {}): Promise<ImportedDocument> {
  const { store } = ctx
  const parsed = await parseImport(fileName, bytes, options, call) // throws before anything is stored
  if (call.signal?.aborted) throw new MarginaliaError('cancelled', `import of ${baseFileName(fileName)} cancelled; nothing was changed`)
  const id = ctx.newId('doc')
  const sha256 = await store.saveSource(bytes, extname(fileName))
  await store.saveText(id, parsed.text)
  const pageImages = await savePageImages(ctx, parsed)
  const now = ctx.now()
  const record: DocumentRecord = {
    id,
    title: options.title?.trim() || parsed.title,
    format: parsed.format,
    role: options.role ?? 'text',
    sha256,
    fileName: baseFileName(fileName),
    length: [...parsed.text].length,
    structure: parsed.structure,
    metadata: pageImages.length ? { ...parsed.metadata, pageImages } : parsed.metadata,
    created: now,
    modified: now
  }
  if (parsed.marks?.length) record.marks = parsed.marks
  const mentions = materialisePreAnnotations(store.data.entities, id, parsed.text, parsed.mentions ?? [], parsed.entities ?? [], { newId: ctx.newId, now, author: ctx.author })
  await store.transact(`Import ${record.fileName}`, (tx) => {
    tx.put('documents', record)
    for (const e of mentions.entities) tx.put('entities', e)
    if (mentions.annotations.length && !tx.get('tags', PRE_ANNOTATION_TAG)) {
      tx.put('tags', { id: PRE_ANNOTATION_TAG, color: paletteColor(Object.keys(store.data.tags).length) })
    }
    for (const a of mentions.annotations) tx.put('annotations', a)
  })
  return { ...record, report: reportOf(parsed, mentions.annotations.length, mentions.entities.length, mentions.reused) }
}
