/** A fresh project for each test of a file, through the real services (ProjectSession). */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach } from 'vitest'
import { ProjectSession } from '../../src/main/services/project-session'
import type { Result } from '../../src/shared/result'
import { SEED_PATH, tempDir } from './temp-dir'

/** The value of a successful call; a failed one throws with its code and message. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

/** `s` (text or bytes) as the base64 the import methods take. */
export const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64')

export interface TestProject {
  /** The open project (a test may close it and put a reopened one here; the one here is closed after the test). */
  session: ProjectSession
  /** Its folder. */
  dir: string
  /** The seed document's id, when opened `withSeed`. */
  docId: string
}

/**
 * Registers hooks that open a new project in a temporary folder before each test (importing the
 * seed document, john-vii-palaiologos.txt, when `withSeed`) and close and remove it after. The
 * returned object's fields are set once the test starts.
 */
export function projectPerTest(options: { withSeed?: boolean } = {}): TestProject {
  const t = {} as TestProject
  let cleanup = (): void => {}
  beforeEach(async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    t.dir = temp.dir
    t.session = await ProjectSession.open(temp.dir, { create: true })
    if (options.withSeed) {
      t.docId = ok(await t.session.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) })).id
    }
  })
  afterEach(async () => {
    await t.session.close()
    cleanup()
  })
  return t
}
