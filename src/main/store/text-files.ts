/**
 * The files beside the records: sources/<sha256><ext> (original bytes, never modified) and
 * texts/<file> (each document version's normalised text). Every text read is checked against the
 * sha256 its document records (`textSha256`), so a text edited outside Marginalia is reported
 * instead of silently shifting every annotation onto other words.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { TextProblem } from '../../shared/api/store'
import type { DocumentRecord } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { CodePointIndex } from '../../shared/text/code-points'
import { writeFileAtomic } from './atomic-write'
import { exists, hasCode, storeFs } from './store-fs'

/** Names allowed for files under texts/: no separators, so a record can never point outside it. */
export const TEXT_FILE_NAME = /^[\w-][\w.-]*\.txt$/

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex')

export type { TextProblem }

export class TextFiles {
  private readonly texts = new Map<string, Promise<string>>()
  private readonly indexes = new Map<string, Promise<CodePointIndex>>()
  /** sha256 of each text file written in this session, by file name. */
  readonly written = new Map<string, string>()

  constructor(private readonly dir: string, private readonly documents: () => Readonly<Record<string, DocumentRecord>>, private readonly projectFile: string) {}

  /** The file under texts/ holding a document's current text. */
  fileOf(documentId: string): string {
    const doc = this.documents()[documentId]
    if (!doc) throw new MarginaliaError('not-found', `no document ${documentId}`)
    const file = doc.textFile ?? `${documentId}.txt`
    if (!TEXT_FILE_NAME.test(file)) throw new MarginaliaError('invalid-file', `${this.projectFile}: document ${documentId} names a bad text file "${file}"`)
    return file
  }

  pathOf(file: string): string {
    return join(this.dir, 'texts', file)
  }

  /** The document's problem with its text file, or undefined when the file is what was recorded. */
  async check(documentId: string, text?: string): Promise<TextProblem | undefined> {
    const doc = this.documents()[documentId]
    const file = this.fileOf(documentId)
    if (!doc.textSha256) return undefined // recorded before text hashes existed and never migrated
    let content = text
    if (content === undefined) {
      try {
        content = (await storeFs.readFile(this.pathOf(file))).toString('utf8')
      } catch (err) {
        if (!hasCode(err, 'ENOENT')) throw err
        return { documentId, title: doc.title, file: this.pathOf(file), problem: 'missing', expected: doc.textSha256 }
      }
    }
    const actual = sha256Hex(content)
    return actual === doc.textSha256 ? undefined : { documentId, title: doc.title, file: this.pathOf(file), problem: 'changed', expected: doc.textSha256, actual }
  }

  private async load(documentId: string, file: string): Promise<string> {
    let text: string
    try {
      text = (await storeFs.readFile(this.pathOf(file))).toString('utf8')
    } catch (err) {
      if (hasCode(err, 'ENOENT')) throw new MarginaliaError('invalid-file', `${this.pathOf(file)}: the text of document ${documentId} is missing; restore the file or delete the document`)
      throw err
    }
    const problem = await this.check(documentId, text)
    if (problem) {
      throw new MarginaliaError('invalid-file', `${problem.file} was changed outside Marginalia (sha256 ${problem.actual!.slice(0, 12)}…, recorded ${problem.expected.slice(0, 12)}…), ` +
        `so its annotations would mark other words. Accept the edited text and re-anchor its annotations (acceptEditedText, CLI: texts accept DIR --doc ${documentId}), or put the original file back.`)
    }
    return text
  }

  /** `make(file)` for the document's text file, once per file; a failure is not cached. */
  private cached<T>(cache: Map<string, Promise<T>>, documentId: string, make: (file: string) => Promise<T>): Promise<T> {
    let file: string
    try {
      file = this.fileOf(documentId)
    } catch (err) {
      return Promise.reject(err)
    }
    let value = cache.get(file)
    if (!value) {
      value = make(file)
      value.catch(() => cache.delete(file))
      cache.set(file, value)
    }
    return value
  }

  /** The normalised text of a document, checked against its recorded sha256 (cached per file). */
  readText(documentId: string): Promise<string> {
    return this.cached(this.texts, documentId, (file) => this.load(documentId, file))
  }

  textIndex(documentId: string): Promise<CodePointIndex> {
    return this.cached(this.indexes, documentId, () => this.readText(documentId).then((t) => new CodePointIndex(t)))
  }

  /** Uses `text` for the document's file without reading it, once its sha256 matches the record. */
  useVerifiedText(documentId: string, text: string): void {
    const doc = this.documents()[documentId]
    if (!doc?.textSha256 || sha256Hex(text) !== doc.textSha256) throw new MarginaliaError('invalid-argument', `that is not the recorded text of document ${documentId}`)
    const file = this.fileOf(documentId)
    this.texts.set(file, Promise.resolve(text))
    this.indexes.delete(file)
  }

  /** Forgets cached texts (they are read and checked again). */
  forget(): void {
    this.texts.clear()
    this.indexes.clear()
  }

  async saveSource(bytes: Uint8Array, ext: string): Promise<string> {
    const sha256 = sha256Hex(bytes)
    const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext.toLowerCase() : ''
    const path = join(this.dir, 'sources', sha256 + safeExt)
    if (!(await exists(path))) await writeFileAtomic(path, bytes)
    return sha256
  }

  async saveText(documentId: string, text: string, fileName = `${documentId}.txt`): Promise<string> {
    if (!TEXT_FILE_NAME.test(fileName)) throw new MarginaliaError('invalid-argument', `bad text file name ${fileName}`)
    await writeFileAtomic(this.pathOf(fileName), text)
    const sha = sha256Hex(text)
    this.written.set(fileName, sha)
    this.texts.set(fileName, Promise.resolve(text))
    this.indexes.delete(fileName)
    return sha
  }
}
