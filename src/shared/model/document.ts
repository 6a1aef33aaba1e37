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

export interface DocumentMetadata {
  categories: string[]
  language?: string
  url?: string
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
  structure: Block[]
  metadata: DocumentMetadata
  created: Timestamp
  modified: Timestamp
}

/** A document together with its normalised text (NFC, LF line ends, no BOM). */
export interface DocumentWithText extends DocumentRecord {
  text: string
}
