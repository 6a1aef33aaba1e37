/**
 * Word (DOCX) import through mammoth 1.13: headings, paragraphs, lists, emphasis and links from
 * the document's semantic HTML, footnotes and endnotes as note blocks with references where they
 * are cited. The zip is checked for bombs first (zip-guard.ts) and mammoth reads only what it
 * holds: no external file, no image conversion. Title, author, date and language come from
 * docProps/core.xml.
 */
import { childElements, parseXmlTree, textOf } from '../../../shared/import/xml-tree'
import type { ParsedDocument } from '../../../shared/import/parsed-document'
import type { DocumentMetadata } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import { decodeUtf8Strict } from '../../../shared/text/normalise'
import { domToMarkup, htmlDocument, markupToDocument } from '../html/parse-html'
import { readZip } from '../zip-guard'

function coreProperties(fileName: string, xml: Uint8Array | undefined): { title?: string; metadata: DocumentMetadata } {
  const metadata: DocumentMetadata = { categories: [] }
  if (!xml) return { metadata }
  try {
    const root = parseXmlTree(`${fileName} (docProps/core.xml)`, decodeUtf8Strict(xml))
    const field = (name: string) => textOf(childElements(root, name)[0]) || undefined
    const author = field('creator')
    const date = field('created')?.slice(0, 10)
    const language = field('language')
    if (author) metadata.author = author
    if (date) metadata.date = date
    if (language) metadata.language = language
    return { title: field('title'), metadata }
  } catch {
    return { metadata } // the properties are a convenience; a damaged part does not stop the import
  }
}

export async function parseDocx(fileName: string, bytes: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  const parts = readZip(fileName, bytes) // refuses bombs and damaged archives before mammoth sees them
  if (!parts.has('word/document.xml')) throw new MarginaliaError('invalid-file', `${fileName}: has no word/document.xml; it is not a Word document`)
  let html: string
  const { default: mammoth } = await import('mammoth') // loaded on first DOCX only
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) }
    )
    html = result.value
  } catch (err) {
    throw new MarginaliaError('invalid-file', `${fileName}: the Word document cannot be read (${(err as Error).message})`)
  }
  const props = coreProperties(fileName, parts.get('docProps/core.xml'))
  const tree = domToMarkup(fileName, (await htmlDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)).body as never)
  if (!tree || tree.type !== 'element') throw new MarginaliaError('invalid-file', `${fileName}: the Word document has no content`)
  const parsed = markupToDocument(tree, 'docx', props.title ?? '', props.metadata)
  if (!parsed.title) parsed.title = fallbackTitle
  if (parsed.text.trim() === '') throw new MarginaliaError('invalid-file', `${fileName}: the Word document holds no text`)
  return parsed
}
