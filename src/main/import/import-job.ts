/** Messages between the main process and the import worker (import-worker.ts). */
import type { ParsedDocument } from '../../shared/import/parsed-document'
import type { ErrorCode } from '../../shared/result'
import type { ImportFileOptions } from './import-file'

export interface ImportRequest {
  fileName: string
  bytes: Uint8Array
  options: ImportFileOptions
}

export type ImportReply =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; parsed: ParsedDocument }
  | { type: 'error'; error: { code: ErrorCode; message: string } }
