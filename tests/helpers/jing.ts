/** Validates XML files with jing against the TEI P5 tei_all RELAX NG schema (vendored: tests/fixtures/standards). */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
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
  const cached = verdictCache(files)
  const known = cached?.read()
  if (known) return known
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-tei-'))
  const paths = files.map((f) => {
    const p = join(dir, f.name)
    writeFileSync(p, f.content)
    return p
  })
  const r = spawnSync(JING, [TEI_ALL, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  // jing prints harmless "[warning] Unable to locate …" lines about optional jars on stderr.
  const output = (r.stdout + r.stderr).split('\n').filter((l) => l && !l.includes('[warning]')).join('\n')
  const verdict = { status: r.status ?? -1, output }
  if (r.status !== null) cached?.write(verdict)
  return verdict
}

/**
 * Under mutation testing only (MARGINALIA_MUTATION=1): jing's verdict on the same files (names and
 * bytes) against the same schema, kept on disk across test runs. Each mutant is a fresh test run,
 * and a JVM start plus loading tei_all costs 4–5 s per call, while most mutants do not change the
 * XML at all; a file that differs by one byte is validated afresh, so no verdict is reused for
 * other input. `npm test` always runs jing.
 */
function verdictCache(files: { name: string; content: string | Uint8Array }[]): { read: () => { status: number; output: string } | undefined; write: (v: { status: number; output: string }) => void } | undefined {
  if (process.env.MARGINALIA_MUTATION !== '1') return undefined
  const schema = statSync(TEI_ALL)
  const hash = createHash('sha256').update(`${JING}\0${TEI_ALL}\0${schema.size}\0${schema.mtimeMs}`)
  for (const f of files) hash.update(`\0${f.name}\0${Buffer.byteLength(f.content)}\0`).update(f.content)
  const dir = join(tmpdir(), 'marginalia-jing-verdicts')
  const file = join(dir, `${hash.digest('hex')}.json`)
  return {
    read: () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { status: number; output: string }) : undefined),
    write: (v) => {
      mkdirSync(dir, { recursive: true })
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(v))
      renameSync(`${file}.${process.pid}.tmp`, file) // whole or absent, for a run reading it at the same time
    }
  }
}
