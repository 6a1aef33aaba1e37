/** Messages between the main process and the citeproc worker (csl-worker.ts). */
import type { CiteRequest, FormattedEntry } from '../../shared/bib/citation-js'
import type { CslItem } from '../../shared/model'
import type { ErrorCode } from '../../shared/result'

interface JobBase {
  id: number
  appRoot: string
  style: string
  lang: string
  items: CslItem[]
}

export type CslJob =
  | (JobBase & { kind: 'bibliography' })
  | (JobBase & { kind: 'cites'; cites: CiteRequest[]; format: 'html' | 'text' })

export type CslReply =
  | { id: number; ok: true; value: FormattedEntry[] | string[] }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } }
