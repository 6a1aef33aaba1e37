import type { Block, DocumentFormat, DocumentMetadata } from '../model'

/** What an importer makes of a file: normalised text (NFC, LF, no BOM) and its structure in code points. */
export interface ParsedDocument {
  title: string
  format: DocumentFormat
  text: string
  structure: Block[]
  metadata: DocumentMetadata
}
