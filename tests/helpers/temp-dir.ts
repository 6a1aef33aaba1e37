import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** Repository root. */
export const ROOT = resolve(__dirname, '..', '..')
export { CORPUS, corpusPath } from './corpus'
export const SEED_PATH = join(ROOT, 'documents', 'john-vii-palaiologos.txt')

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'marginalia-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
