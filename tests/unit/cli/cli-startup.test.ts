/**
 * What a CLI command loads before it does anything. citation-js (with citeproc) takes ~0.3 s to
 * load, half of a command's start-up, and only bibliography paths need it: reading a small
 * BibTeX/RIS file in process, the formatted-bibliography and BibTeX exports, and the CSL worker
 * (its own process). Every other command, and every `serve` start, must not load it; a static
 * import of it anywhere on the start-up path would bring it back, and fails here.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cliCommand } from '../../helpers/cli-command'
import { SEED_PATH } from '../../helpers/temp-dir'

const dir = mkdtempSync(join(tmpdir(), 'marginalia-startup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A preload that writes, at exit, every module file the process loaded (one per line). */
const HOOK = join(dir, 'loaded-modules.cjs')
writeFileSync(HOOK, `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, Object.keys(require.cache).join('\\n')))\n`)

/** The module files `args` loads, and its exit status. */
function loadedBy(...args: string[]): { status: number | null; modules: string[]; stderr: string } {
  const out = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`)
  const [node, cliArgs] = cliCommand(...args)
  const r = spawnSync(node, ['--require', HOOK, ...cliArgs], { env: { ...process.env, LOADED_OUT: out }, encoding: 'utf8', timeout: 60_000 })
  const modules = (() => { try { return require('node:fs').readFileSync(out, 'utf8').split('\n') as string[] } catch { return [] } })()
  return { status: r.status, modules, stderr: r.stderr }
}

const citationJs = (modules: string[]) => modules.filter((m) => /node_modules[\\/](@citation-js|citeproc)[\\/]/.test(m))

describe('CLI start-up', () => {
  it('loads no citation-js for --help, nor for import and list on a project', () => {
    const help = loadedBy('--help')
    expect(help.status).toBe(0)
    expect(help.modules.length).toBeGreaterThan(10) // the hook saw the process's modules
    expect(citationJs(help.modules)).toEqual([])
    const project = join(dir, 'p')
    expect(loadedBy('init', project).status).toBe(0)
    const imported = loadedBy('import', project, SEED_PATH)
    expect(imported.status, imported.stderr).toBe(0)
    expect(citationJs(imported.modules)).toEqual([])
    const listed = loadedBy('list', project)
    expect(listed.status, listed.stderr).toBe(0)
    expect(citationJs(listed.modules)).toEqual([])
  })

  it('loads it when a bibliography is exported, and the export works', () => {
    const project = join(dir, 'q')
    expect(loadedBy('init', project).status).toBe(0)
    const exported = loadedBy('export', project, '--format', 'bibtex', '--out', join(dir, 'q.bib'))
    expect(exported.status, exported.stderr).toBe(0)
    expect(citationJs(exported.modules).length).toBeGreaterThan(0)
  })
})
