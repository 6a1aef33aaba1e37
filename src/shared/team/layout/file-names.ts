/**
 * File names of the git-friendly layout. A document id becomes a file name that is the same on every
 * file system: lower-case ASCII letters, digits, `_` and `-` stay; every other UTF-8 byte (capitals
 * included, so case-insensitive disks cannot merge two ids) is written `%XX`. Generated ids such as
 * `doc_3f2a…` stay readable.
 */

/** The project header file (name, id, created, schema and layout versions). */
export const HEADER_FILE = 'marginalia.json'
/** Folder of per-document annotation files. */
export const ANNOTATIONS_DIR = 'annotations'
/** One file per collection besides annotations, in this order. */
export const COLLECTION_FILES = {
  documents: 'documents.jsonl',
  entities: 'entities.jsonl',
  citations: 'citations.jsonl',
  relations: 'relations.jsonl',
  tags: 'tags.jsonl',
  predicates: 'predicates.jsonl',
  rejectedSuggestions: 'rejected-suggestions.jsonl'
} as const

const KEEP = /^[a-z0-9_-]$/

/** `id` as a file name stem (never empty, never `.` or `..`, no separators). */
export function encodeFileStem(id: string): string {
  let out = ''
  for (const ch of id) {
    if (KEEP.test(ch)) out += ch
    else for (const byte of new TextEncoder().encode(ch)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** Inverse of encodeFileStem. @throws Error on a stem that encodeFileStem cannot have made. */
export function decodeFileStem(stem: string): string {
  if (!/^([a-z0-9_-]|%[0-9A-F]{2})+$/.test(stem)) throw new Error(`"${stem}" is not an encoded id`)
  const bytes: number[] = []
  for (let i = 0; i < stem.length; ) {
    if (stem[i] === '%') {
      bytes.push(parseInt(stem.slice(i + 1, i + 3), 16))
      i += 3
    } else bytes.push(stem.charCodeAt(i++))
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))
}

/** Path of a document's annotation file. */
export function annotationFileOf(documentId: string): string {
  return `${ANNOTATIONS_DIR}/${encodeFileStem(documentId)}.jsonl`
}
