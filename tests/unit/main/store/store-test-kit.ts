/** Shared bits of the store tests: temp folders that clean up, small valid records, fault injection at the file layer. */
import { afterEach, vi } from 'vitest'
import { type FileHandle, pathOfHandle, storeFs } from '../../../../src/main/store/store-fs'
import type { Annotation, Tag } from '../../../../src/shared/model'
import { tempDir } from '../../../helpers/temp-dir'

const cleanups: (() => void)[] = []

/**
 * Removes the test's temp folders and puts back its spies. Registered here for `npm test`; the
 * mutation run (one module graph, `isolate: false`) would register it in the first file that imports
 * this kit only, so `tests/unit/main/store/after-each-test.ts` registers it for every file there
 * (without it each mutant's run left its folders behind: 55 GB in 40 minutes, until the disk was full).
 */
export function cleanUp(): void {
  cleanups.splice(0).forEach((c) => c())
  vi.restoreAllMocks()
}
afterEach(cleanUp)

/** A fresh temp folder removed after the test. */
export function folder(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

/** Releases a store's lock without closing it, as if its process had been killed (nothing is compacted). */
export const crash = (store: unknown) => (store as { unlock: () => Promise<void> }).unlock()

export const tag = (id: string, color = '#fff'): Tag => ({ id, color })

export function annotation(id: string, documentId = 'doc_1', note = ''): Annotation {
  return {
    id, documentId, target: { start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' }, tags: [], note, entityIds: [], citations: [],
    author: 'test', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', status: 'anchored'
  }
}

export type FsOp = keyof typeof storeFs

/**
 * Puts the real `op` back if a spy from an earlier test is still on it: the mutation run shares one
 * module graph, so this file's afterEach may not run there, and a spy taken for the real function
 * would call itself.
 */
export function unspy(op: FsOp): void {
  const current = storeFs[op] as unknown
  if (vi.isMockFunction(current)) current.mockRestore()
}

/**
 * Makes the `nth` call (1-based, counting from now) of `op` whose path matches `pathPart` fail with
 * `code` (ENOSPC by default). Handle operations (write, sync, datasync) match the path the handle was opened with.
 */
export function failAt(op: 'write' | 'sync' | 'datasync' | 'rename' | 'open' | 'link', pathPart: RegExp, nth = 1, code = 'ENOSPC'): void {
  let seen = 0
  const hit = (path: string) => pathPart.test(path) && ++seen === nth
  const boom = () => Object.assign(new Error(`${code}: injected failure`), { code })
  unspy(op)
  if (op === 'open') {
    const realOpen = storeFs.open
    vi.spyOn(storeFs, 'open').mockImplementation(async (path, flags, mode) => {
      if (hit(path)) throw boom()
      return realOpen(path, flags, mode)
    })
  }
  if (op === 'write' || op === 'sync' || op === 'datasync') {
    const real = storeFs[op] as (h: never, ...rest: unknown[]) => Promise<unknown>
    vi.spyOn(storeFs, op).mockImplementation((async (handle: object, ...rest: unknown[]) => {
      if (hit(pathOfHandle(handle as never))) throw boom()
      return real(handle as never, ...rest)
    }) as never)
  }
  if (op === 'rename' || op === 'link') {
    const real = storeFs[op]
    vi.spyOn(storeFs, op).mockImplementation(async (from: string, to: string) => {
      if (hit(to)) throw boom()
      return real(from, to)
    })
  }
}

/** Every file handle `storeFs.open` hands out from now on (the store opens files only through it; a closed one has `fd` -1). */
export function trackHandles(): FileHandle[] {
  const handles: FileHandle[] = []
  unspy('open')
  const real = storeFs.open
  vi.spyOn(storeFs, 'open').mockImplementation(async (path, flags, mode) => {
    const handle = await real(path, flags, mode)
    handles.push(handle)
    return handle
  })
  return handles
}

/** Records every storeFs call as "op basename" in order (handle ops name the opened path). */
export function traceFs(): string[] {
  const trace: string[] = []
  const base = (p: string) => p.split('/').pop()!.replace(/\.[0-9a-f]{12}\.tmp$/, '.TMP')
  for (const op of Object.keys(storeFs) as FsOp[]) {
    unspy(op)
    const real = storeFs[op] as (...a: unknown[]) => Promise<unknown>
    vi.spyOn(storeFs, op).mockImplementation((async (...args: unknown[]) => {
      const first = args[0]
      const name = base(typeof first === 'string' ? first : pathOfHandle(first as never))
      trace.push(`${op} ${name}${op === 'rename' || op === 'link' ? ` → ${base(args[1] as string)}` : ''}`)
      return real(...args)
    }) as never)
  }
  return trace
}
