/**
 * CLI output through a pipe arrives whole (issue: it stopped at a multiple of 64 KiB because the
 * CLI exited before stdout drained). Each test runs the real CLI in a shell pipeline into a reader
 * that starts reading late, so the pipe is full when the CLI finishes, and compares what arrived
 * with the same output written to a file.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportNativeJson } from '../../../src/shared/export/native-json'
import { cliCommand } from '../../helpers/cli-command'
import { corpusPath, hasCorpus } from '../../helpers/corpus'
import { syntheticProject } from '../../helpers/synthetic-project'
import { ROOT, SEED_PATH, tempDir } from '../../helpers/temp-dir'

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
const cliLine = (...args: string[]) => cliCommand(...args).flat().map(quote).join(' ')
const cli = (...args: string[]) => spawnSync(...cliCommand(...args), { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })

/**
 * A reader that, once the first output is there, stops reading for 500 ms (the pipe fills and the
 * CLI finishes meanwhile), then reads stdin whole and runs `check` on it.
 */
function pipeInto(command: string, check: string): { status: number | null; stdout: string; stderr: string } {
  const reader = `const c = []; process.stdin.once('readable', () => setTimeout(() => { process.stdin.removeAllListeners('readable'); process.stdin.on('data', (d) => c.push(d)); process.stdin.on('end', () => { const text = Buffer.concat(c).toString('utf8'); ${check} }); process.stdin.resume() }, 500))`
  // pipefail: the CLI's own exit code counts, not only the reader's.
  return spawnSync('bash', ['-o', 'pipefail', '-c', `${command} | ${quote(process.execPath)} -e ${quote(reader)}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

const { dir: tmp, cleanup } = tempDir('marginalia-pipe-')
afterAll(cleanup)

describe('CLI output through a pipe', () => {
  it('a JSON export of more than 10 MB arrives whole and parses, byte for byte what --out writes', () => {
    const project = join(tmp, 'big')
    const file = join(tmp, 'big.json')
    const { data, texts } = syntheticProject(join(ROOT, 'documents', 'gibbon-vol6-ch64-65.txt'), 18_000)
    writeFileSync(file, exportNativeJson({ data, texts, scope: {}, options: {}, exportedAt: '2026-01-01T00:00:00.000Z' }).files[0].content as string)
    expect(cli('init', project).status).toBe(0)
    expect(cli('import-json', project, file).status).toBe(0)
    const out = join(tmp, 'out.json')
    expect(cli('export', project, '--format', 'json', '--out', out).status).toBe(0)
    const written = readFileSync(out)
    expect(written.length).toBeGreaterThan(10 * 1024 * 1024)

    const r = pipeInto(cliLine('export', project, '--format', 'json'),
      `const j = JSON.parse(text); process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), annotations: j.annotations.length, sha: require('crypto').createHash('sha256').update(text).digest('hex') }))`)
    expect(r.stderr).not.toMatch(/SyntaxError/)
    expect(r.status).toBe(0)
    const got = JSON.parse(r.stdout)
    expect(got).toEqual({
      bytes: written.length,
      annotations: 18_000,
      sha: createHash('sha256').update(written).digest('hex')
    })

    // A reader that leaves early (`| head`): the CLI stops quietly with 141 (128 + SIGPIPE), as cat does, no stack trace.
    const early = spawnSync('bash', ['-o', 'pipefail', '-c', `${cliLine('export', project, '--format', 'json')} | head -c 100 > /dev/null`], { encoding: 'utf8' })
    expect(early.status).toBe(141)
    expect(early.stderr).not.toMatch(/EPIPE|Error/)
  }, 240_000)

  it('a TEI export arrives whole: the same bytes as --out, ending with </TEI>', () => {
    const project = join(tmp, 'tei')
    expect(cli('init', project).status).toBe(0)
    const doc = JSON.parse(cli('import', project, join(ROOT, 'documents', 'gibbon-vol6-ch64-65.txt')).stdout) as { id: string }
    expect(cli('annotate', project, '--doc', doc.id, '--quote', 'Bajazet', '--occurrence', '1', '--tag', 'ruler').status).toBe(0)
    const out = join(tmp, 'out.xml')
    expect(cli('export', project, '--format', 'tei', '--doc', doc.id, '--out', out).status).toBe(0)
    const written = readFileSync(out, 'utf8')
    expect(Buffer.byteLength(written)).toBeGreaterThan(200 * 1024) // well past one 64 KiB pipe buffer
    const r = pipeInto(cliLine('export', project, '--format', 'tei', '--doc', doc.id),
      `process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), end: text.trimEnd().slice(-6) }))`)
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ bytes: Buffer.byteLength(written), end: '</TEI>' })
  }, 120_000)

  it.runIf(hasCorpus('bib/miletus/Milet_Bibliography_BibTeX.bib'))('`bib list` of the Miletus bibliography parses whole: 1,392 items', () => {
    const project = join(tmp, 'bib')
    expect(cli('init', project).status).toBe(0)
    const imported = cli('bib', 'import', project, corpusPath('bib/miletus/Milet_Bibliography_BibTeX.bib'))
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ read: 1394, imported: 1392, merged: 2 })
    const r = pipeInto(cliLine('bib', 'list', project), `process.stdout.write(String(JSON.parse(text).length))`)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('1392')
  }, 120_000)

  it('the seed article listed after import arrives whole (a small output is unaffected)', () => {
    const project = join(tmp, 'seed')
    expect(cli('init', project).status).toBe(0)
    expect(cli('import', project, SEED_PATH).status).toBe(0)
    const r = pipeInto(cliLine('list', project), `process.stdout.write(String(JSON.parse(text).documents.length))`)
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('1')
  }, 60_000)
})
