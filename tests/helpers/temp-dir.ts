import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** Repository root. */
export const ROOT = resolve(__dirname, '..', '..')
/** The shared corpus beside the checkout (may be absent on other machines). */
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus')
export const SEED_PATH = join(ROOT, 'documents', 'john-vii-palaiologos.txt')

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'marginalia-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
