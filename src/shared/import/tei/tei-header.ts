/**
 * A TEI header's bibliographic facts as document metadata: title and author from `titleStmt`,
 * date from the source description (the original's date) or else the publication statement,
 * source as a one-line description of `sourceDesc`, language from `langUsage` or `text/@xml:lang`.
 */
import type { DocumentMetadata } from '../../model'
import type { MarkupElement } from '../markup-tree'
import { childElements, findElement, findElements } from '../xml-tree'
import { teiDateToEdtf } from './tei-dates'
import { readingText } from './tei-reading'

export interface TeiHeaderFacts {
  title?: string
  metadata: DocumentMetadata
}

function dateOf(el: MarkupElement | undefined): string | undefined {
  if (!el) return undefined
  return teiDateToEdtf(el.attrs) ?? (readingText(el).replace(/\.$/, '') || undefined)
}

function sourceLine(sourceDesc: MarkupElement): string | undefined {
  const bibl = findElement(sourceDesc, 'biblFull') ?? findElement(sourceDesc, 'biblStruct') ?? findElement(sourceDesc, 'bibl')
  if (bibl) {
    const parts = ['author', 'title', 'pubPlace', 'publisher', 'date']
      .map((name) => findElement(bibl, name))
      .map((el) => (el ? readingText(el).replace(/[\s,:;.]+$/, '') : ''))
      .filter(Boolean)
    if (parts.length) return parts.join(', ').slice(0, 1000)
  }
  const p = findElements(sourceDesc, 'p').map(readingText).filter(Boolean)
  if (p.length) return p.join(' ').slice(0, 1000)
  const ms = findElement(sourceDesc, 'msIdentifier')
  return ms ? readingText(ms).slice(0, 1000) : undefined
}

/** Reads the header of a `TEI` root element. */
export function readTeiHeader(tei: MarkupElement): TeiHeaderFacts {
  const metadata: DocumentMetadata = { categories: [] }
  const header = childElements(tei, 'teiHeader')[0]
  if (!header) return { metadata }
  const fileDesc = childElements(header, 'fileDesc')[0]
  const titleStmt = fileDesc && childElements(fileDesc, 'titleStmt')[0]
  const titles = titleStmt ? childElements(titleStmt, 'title') : []
  const main = titles.find((t) => !t.attrs.type || t.attrs.type === 'main') ?? titles[0]
  const title = main ? readingText(main).replace(/\s*Electronic Edition\.?$/i, '').replace(/[\s:]+$/, '') : undefined
  const authors = titleStmt ? childElements(titleStmt, 'author').map(readingText).filter(Boolean) : []
  if (authors.length) metadata.author = authors.join('; ')
  const sourceDesc = fileDesc && childElements(fileDesc, 'sourceDesc')[0]
  const pub = fileDesc && childElements(fileDesc, 'publicationStmt')[0]
  const date = dateOf(sourceDesc && findElement(sourceDesc, 'date')) ?? dateOf(pub && findElement(pub, 'date'))
  if (date) metadata.date = date
  const source = sourceDesc && sourceLine(sourceDesc)
  if (source) metadata.source = source
  const language = findElement(header, 'language')?.attrs.ident ?? findElement(header, 'textLang')?.attrs.mainLang
    ?? childElements(tei, 'text')[0]?.attrs['xml:lang'] ?? tei.attrs['xml:lang']
  if (language) metadata.language = language
  return { title: title || undefined, metadata }
}
