import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/temp-dir'

/** Every .ts file under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3])
}

/** A vocabulary module of the model (src/shared/model/*): one that imports nothing but zod at run time. */
function isVocabulary(from: string, spec: string): boolean {
  if (!/^\.\.\/model\/[\w-]+$/.test(spec)) return false
  const text = readFileSync(join(from, '..', `${spec}.ts`), 'utf8')
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].every((m) => m[1] === 'zod')
}

describe('layering (DESIGN.md §2)', () => {
  it('src/shared imports nothing from electron, node:*, Node built-ins, Lit, the DOM layers or main', () => {
    const bad: string[] = []
    for (const file of files(join(ROOT, 'src', 'shared'))) {
      for (const spec of imports(file)) {
        if (/^(electron|node:|fs$|path$|os$|crypto$|child_process$|lit|@lit\/)/.test(spec) || /\.\.\/(main|renderer|preload|cli)\//.test(spec)) {
          bad.push(`${relative(ROOT, file)} imports ${spec}`)
        }
      }
    }
    expect(bad).toEqual([])
  })

  it('the API contract (bundled into the renderer and preload) imports only zod and other contract files at run time', () => {
    const bad: string[] = []
    for (const file of [join(ROOT, 'src', 'shared', 'api.ts'), ...files(join(ROOT, 'src', 'shared', 'api'))]) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]
        // ../limits: the table of limits (pure, imports only ../result), which the contract enforces.
        if (spec !== 'zod' && !/^\.\/(api\/)?[\w-]+$/.test(spec) && spec !== '../export/format-names' && spec !== '../limits' && !isVocabulary(file, spec)) bad.push(`${relative(ROOT, file)} imports ${spec}`)
      }
    }
    expect(bad).toEqual([])
  })

  it('in the renderer only the project model reads the API: views and DOM adapters never import the transport', () => {
    const renderer = join(ROOT, 'src', 'renderer')
    const bad = files(renderer)
      .filter((f) => !relative(renderer, f).startsWith('model'))
      .filter((f) => imports(f).some((spec) => /(^|\/)(transport|api-client)$/.test(spec)))
      .map((f) => relative(ROOT, f))
    expect(bad).toEqual([])
    const modelFiles = files(join(renderer, 'model')).map((f) => relative(ROOT, f))
    expect(modelFiles).toContain('src/renderer/model/transport.ts')
    expect(files(renderer).some((f) => /api-client/.test(f))).toBe(false)
  })

  it('only the Electron shell and the preload import electron', () => {
    const allowed = new Set(['src/main/index.ts', 'src/main/menu.ts', 'src/main/app-protocol.ts', 'src/main/transport/ipc.ts', 'src/preload/index.ts'])
    const importers = ['main', 'preload', 'cli', 'renderer', 'shared']
      .flatMap((d) => files(join(ROOT, 'src', d)))
      .filter((f) => imports(f).includes('electron') && !readFileSync(f, 'utf8').includes("import type { BrowserWindowConstructorOptions"))
      .map((f) => relative(ROOT, f))
    for (const f of importers) expect(allowed.has(f), `${f} imports electron`).toBe(true)
  })
})
