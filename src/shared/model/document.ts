import type { Id, Timestamp } from './common'
import type { DocumentFormat } from './document-formats'
import type { DocumentRole } from './document-roles'

/**
 * Kinds of structural span. `title`, `heading`, `paragraph`, `list-item`, `note` and `line-group`
 * tile the text in reading order. `page` and `line` are a second layer over the same text: they
 * overlap the others (a page usually starts and ends inside paragraphs) and carry a `label`.
 */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'list-item' | 'note' | 'line-group' | 'page' | 'line'

/** Kinds that overlay the reading-order blocks instead of tiling the text with them. */
export type MilestoneKind = 'page' | 'line'

/** True for page and line spans, which overlap paragraphs; views and exporters lay them out apart. */
export function isMilestone(block: { kind: BlockKind }): block is Block & { kind: MilestoneKind } {
  return block.kind === 'page' || block.kind === 'line'
}

/** A structural span of the normalised text; offsets in code points, end exclusive. */
export interface Block {
  kind: BlockKind
  start: number
  end: number
  /** Heading depth: 1 for the title, 2 for `==Section==`, 3 for `===Sub===` … */
  level?: number
  /**
   * The span's own citable name as printed in the source: a page's label (`339`, `xii`, `12r` for a
   * folio), a line's number, a heading's division number (`LXIV`). Locators resolve against it.
   */
  label?: string
}

/**
 * Inline markup kept from the source (emphasis, links, note references) as spans of the text,
 * in code points, end exclusive. They never change the text; views may style them.
 */
export interface InlineMark {
  kind: 'emphasis' | 'strong' | 'code' | 'link' | 'note-ref'
  start: number
  end: number
  /** For `link`: the target URL (http, https or mailto only; anything else is dropped at import). */
  href?: string
  /** For `note-ref`: the note's label as printed (`1`, `*`, `a`). */
  label?: string
}

/** A span of OCR output the recogniser was unsure of; offsets in code points, end exclusive. */
export interface LowConfidenceSpan {
  start: number
  end: number
  /** Tesseract's word confidence, 0–100. */
  confidence: number
}

/** The image of a page kept beside its text (scanned pages), stored under sources/. */
export interface PageImage {
  /** Index of the page among the document's `page` blocks, 0-based. */
  page: number
  /** SHA-256 of the image bytes, kept at `sources/<sha256><ext>`. */
  sha256: string
  ext: '.png' | '.jpg'
  /** Size in pixels. */
  width: number
  height: number
}

/** A Project Gutenberg header and licence recognised in a plain text (DESIGN.md §8). */
export interface GutenbergParts {
  /** The header before `*** START OF … ***` (inclusive), as in the file. */
  header: string
  /** The licence from `*** END OF … ***` (inclusive) to the end, as in the file. */
  licence: string
  /** True when both were cut from the text at import; otherwise they are still in the text. */
  trimmed: boolean
  /** The eBook number, when the header gives one. */
  ebook?: string
}

export interface DocumentMetadata {
  categories: string[]
  language?: string
  url?: string
  /** Author(s) as the source names them, e.g. from a TEI header or a PDF's info dictionary. */
  author?: string
  /** Date of the source as given (EDTF when it is one, e.g. `1705`; else as printed). */
  date?: string
  /** Where the text comes from: the source description, publisher, or a web page's site. */
  source?: string
  /** The bibliography item (citation id) this document is, so a citation of it can find it. */
  citationId?: string
  /** The character encoding the bytes were decoded from, when it was not UTF-8. */
  encoding?: string
  /** A Project Gutenberg header and licence, kept here when found (and trimmed when asked). */
  gutenberg?: GutenbergParts
  /** OCR: languages used, mean confidence, and words below the confidence threshold. */
  ocr?: { engine: string; languages: string[]; meanConfidence: number; threshold: number; lowConfidence: LowConfidenceSpan[] }
  /** Images of scanned pages, shown beside their text. */
  pageImages?: PageImage[]
}

/** A document as stored in project.json. Its text lives in `texts/<id>.txt`. */
export interface DocumentRecord {
  id: Id
  title: string
  format: DocumentFormat
  role: DocumentRole
  /** SHA-256 (hex) of the original bytes, kept at `sources/<sha256><ext>`. */
  sha256: string
  /** The imported file's own name, for display. */
  fileName: string
  /** Length of the normalised text in code points. */
  length: number
  /**
   * File under texts/ holding the current version's normalised text; `<id>.txt` when absent.
   * A re-import writes the new version to a new file, so undoing it brings the old text back.
   */
  textFile?: string
  /**
   * sha256 (hex) of the UTF-8 bytes of the current version's normalised text, kept by the store
   * (set whenever it writes the text file), so a text edited outside Marginalia is noticed on read.
   */
  textSha256?: string
  structure: Block[]
  /** Inline markup (emphasis, links, note references); absent for plain text. */
  marks?: InlineMark[]
  metadata: DocumentMetadata
  created: Timestamp
  modified: Timestamp
}

/** A document together with its normalised text (NFC, LF line ends, no BOM). */
export interface DocumentWithText extends DocumentRecord {
  text: string
}
