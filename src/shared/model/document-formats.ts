/**
 * The formats a document can be imported from: the one list the model, the API contract, the
 * export schema, the UI and the CLI use. The zod schema is the source.
 * `wiki` is the `[[Title]]` / `CATEGORIES:` / `==Section==` plain-text dump layout; `image` is a
 * scanned page (PNG, JPEG, TIFF) read by OCR.
 */
import { z } from 'zod'

export const documentFormatSchema = z.enum(['wiki', 'text', 'markdown', 'html', 'tei', 'pdf', 'docx', 'epub', 'image'])

export type DocumentFormat = z.infer<typeof documentFormatSchema>

/** Every document format. */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = documentFormatSchema.options

/** How each format is named in menus and reports. */
export const DOCUMENT_FORMAT_LABELS: Readonly<Record<DocumentFormat, string>> = {
  wiki: 'Wiki plain-text dump',
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'HTML',
  tei: 'TEI P5 XML',
  pdf: 'PDF (text layer)',
  docx: 'Word (DOCX)',
  epub: 'EPUB',
  image: 'Scanned page image (OCR)'
}
