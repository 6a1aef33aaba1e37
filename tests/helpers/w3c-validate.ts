/**
 * Validates JSON against the W3C Web Annotation test suite's own JSON Schemas (draft-04), as the
 * suite itself runs them: each assertion schema listed in a `*.test` file is compiled by a fresh
 * ajv-draft-04 validator that has every `definitions/*.json` loaded. (A shared validator fails:
 * several assertion files reuse the same `id` across folders, see corpus PROVENANCE.md.)
 *
 * The suite is vendored (tests/fixtures/standards, see its PROVENANCE.md), so these checks run in
 * every clone.
 */
import Ajv04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { W3C_SUITE } from './standards'

export { W3C_SUITE }

export interface AssertionFailure {
  /** Assertion file, relative to the suite folder, e.g. `annotations/3.1-annotationIdValidated.json`. */
  assertion: string
  /** The suite's own error message for that assertion. */
  message: string
  /** ajv's detail (first few errors), for debugging. */
  detail: string
}

type Check = (value: unknown) => AssertionFailure | null

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'))

let definitions: Record<string, unknown>[] | undefined
function loadDefinitions(): Record<string, unknown>[] {
  if (!definitions) {
    const dir = path.join(W3C_SUITE, 'definitions')
    definitions = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readJson(path.join(dir, f)))
  }
  return definitions
}

function compileAssertion(relPath: string): Check {
  const schema = readJson(path.join(W3C_SUITE, relPath))
  // Fresh validator per assertion: assertion ids collide across folders.
  // strict: false because the suite's schemas carry non-standard keys (assertionType, errorMessage…).
  const ajv = new Ajv04({ strict: false, allErrors: false, validateSchema: false })
  addFormats(ajv)
  for (const def of loadDefinitions()) ajv.addSchema(def)
  const validate = ajv.compile(schema)
  const expectValid = schema.expectedResult !== 'invalid'
  return (value) => {
    const ok = validate(value) as boolean
    if (ok === expectValid) return null
    return {
      assertion: relPath,
      message: String(schema.errorMessage ?? schema.title ?? relPath),
      detail: JSON.stringify((validate.errors ?? []).slice(0, 3))
    }
  }
}

const suites = new Map<string, Check[]>()
/** The compiled assertions of a `*.test` file, e.g. `annotations/annotationMusts.test` (cached). */
export function assertionsOf(testFile: string): Check[] {
  let checks = suites.get(testFile)
  if (!checks) {
    const list = readJson(path.join(W3C_SUITE, testFile)).assertions as string[]
    checks = list.map(compileAssertion)
    suites.set(testFile, checks)
  }
  return checks
}

/** Failures of `value` against every assertion of `testFile` (empty when it passes). */
export function validateWith(testFile: string, value: unknown): AssertionFailure[] {
  return assertionsOf(testFile).map((check) => check(value)).filter((f): f is AssertionFailure => f !== null)
}

/** Failures of one annotation against `annotations/annotationMusts.test`. */
export function validateAnnotation(annotation: unknown): AssertionFailure[] {
  return validateWith('annotations/annotationMusts.test', annotation)
}

/**
 * Validates an exported W3C document as the suite intends: the collection against
 * `collectionMusts.test` and, since it embeds its first page, also against `pageMusts.test`
 * ("a single Annotation Page or an Annotation Collection with an embedded Page"); every further
 * page file against `pageMusts.test`; every annotation of every page against `annotationMusts.test`.
 * `pageFiles` are the standalone pages 2…n. Returns failures prefixed with where they occurred.
 */
export function validateExport(collection: unknown, pageFiles: unknown[]): string[] {
  const out: string[] = []
  const report = (where: string, fs: AssertionFailure[]): void => {
    for (const f of fs) out.push(`${where}: ${f.assertion}: ${f.message} ${f.detail}`)
  }
  report('collection', validateWith('collections/collectionMusts.test', collection))
  const first = (collection as { first?: unknown }).first
  const pages: [string, unknown][] = []
  if (first && typeof first === 'object') {
    report('collection with embedded first page', validateWith('collections/pages/pageMusts.test', collection))
    pages.push(['page 1', first])
  }
  pageFiles.forEach((page, p) => {
    report(`page file ${p + 2}`, validateWith('collections/pages/pageMusts.test', page))
    pages.push([`page ${p + 2}`, page])
  })
  for (const [where, page] of pages) {
    const items = (page as { items?: unknown[] }).items ?? []
    items.forEach((item, i) => report(`${where} item ${i}`, validateAnnotation(item)))
  }
  return out
}
