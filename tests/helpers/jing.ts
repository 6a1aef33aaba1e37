/** Validates XML files with jing against the TEI P5 tei_all RELAX NG schema (vendored: tests/fixtures/standards). */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEI_ALL_RNG } from './standards'

export const TEI_ALL = TEI_ALL_RNG
const JING = ['/usr/bin/jing', '/usr/local/bin/jing'].find((p) => existsSync(p))

/**
 * Writes each `{ name, content }` to a temporary folder and runs jing on all of them.
 * Throws with a clear message when jing or the schema is missing; returns jing's exit code and output.
 */
export function jingValidate(files: { name: string; content: string | Uint8Array }[]): { status: number; output: string } {
  if (!JING) throw new Error('jing is not installed (apt-get install -y jing; .ci/run installs it): TEI exports cannot be validated')
  if (!existsSync(TEI_ALL)) throw new Error(`TEI schema missing at ${TEI_ALL}`)
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-tei-'))
  const paths = files.map((f) => {
    const p = join(dir, f.name)
    writeFileSync(p, f.content)
    return p
  })
  const r = spawnSync(JING, [TEI_ALL, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  // jing prints harmless "[warning] Unable to locate …" lines about optional jars on stderr.
  const output = (r.stdout + r.stderr).split('\n').filter((l) => l && !l.includes('[warning]')).join('\n')
  return { status: r.status ?? -1, output }
}
