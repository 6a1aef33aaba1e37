/** Messages between the main process and the bibliography-reading worker (bib-read-worker.ts). */
import type { BibFormat, ReadBibliography } from '../../shared/bib/read-bibliography'

export interface BibReadJob {
  id: number
  fileName: string
  bytes: Uint8Array
  format?: BibFormat
}

export type BibReadMessage = { id: number } & (
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; value: ReadBibliography }
  | { kind: 'failed'; message: string }
)
