import type { AuthorityId, Block, DocumentFormat, DocumentMetadata, EntityDates, EntityType, InlineMark } from '../model'

/**
 * A name, place, organisation or date the source itself marks up (a TEI edition's persName,
 * placeName, orgName, date, rs), to become an annotation linked to an entity at import.
 * Offsets in code points of the normalised text, end exclusive.
 */
export interface PreAnnotation {
  start: number
  end: number
  /** Key of the entity in `ParsedDocument.entities`. */
  entityKey: string
}

/** What the source says about an entity its markup refers to. */
export interface EntityHint {
  /** Unique within the document: `ref:#djdb`, `key:…`, `date:1328`, `name:person:charles`. */
  key: string
  type: EntityType
  label: string
  aliases: string[]
  description: string
  authorities: AuthorityId[]
  dates: EntityDates
  coordinates?: { lat: number; lon: number }
  /**
   * True when the label comes from the source's own register (listPerson, listPlace, listOrg) or
   * is a date value: then an existing entity of the same type and label is taken to be the same.
   */
  registered: boolean
}

/** A page image produced at import (a scanned PDF page rendered for OCR), stored with the document. */
export interface ParsedPageImage {
  /** Index among the document's `page` blocks, 0-based. */
  page: number
  bytes: Uint8Array
  ext: '.png' | '.jpg'
  width: number
  height: number
}

/** What an importer makes of a file: normalised text (NFC, LF, no BOM) and its structure in code points. */
export interface ParsedDocument {
  title: string
  format: DocumentFormat
  text: string
  structure: Block[]
  metadata: DocumentMetadata
  /** Inline markup (emphasis, links, note references). */
  marks?: InlineMark[]
  /** The source's own name and date markup, to become annotations (TEI). */
  mentions?: PreAnnotation[]
  /** The entities `mentions` refer to, by key. */
  entities?: EntityHint[]
  /** Images of pages read by OCR (an imported image file is its own source and is not repeated here). */
  pageImages?: ParsedPageImage[]
}
