import type { Authorship, Id, Timestamp } from './common'

/** A CSL-JSON name (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslName {
  family?: string
  given?: string
  literal?: string
  [key: string]: unknown
}

/** A CSL-JSON date. */
export interface CslDate {
  'date-parts'?: (number | string)[][]
  literal?: string
  raw?: string
  [key: string]: unknown
}

/** A CSL-JSON item, as the citation-js packages read and write it. */
export interface CslItem {
  id: string
  type: string
  title?: string
  author?: CslName[]
  editor?: CslName[]
  issued?: CslDate
  'container-title'?: string
  volume?: string | number
  issue?: string | number
  page?: string
  publisher?: string
  'publisher-place'?: string
  DOI?: string
  URL?: string
  [key: string]: unknown
}

/** A bibliography item of the project. */
export interface Citation extends Authorship {
  id: Id
  item: CslItem
  /** The attached cited text (a document with role `source`), when there is one. */
  sourceDocumentId?: Id
  created: Timestamp
  modified: Timestamp
}
