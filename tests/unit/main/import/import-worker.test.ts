import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importInWorker } from '../../../../src/main/import/import-worker-client'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { type RunningServer, startHttpServer } from '../../../../src/main/transport/http'
import { corpusPath, tempDir } from '../../../helpers/temp-dir'

const BEVERLEY = corpusPath('tei/docsouth/beverley.xml')
const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol2-pg732.txt')

let session: ProjectSession
let server: RunningServer
let cleanup: () => void

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  const renderer = join(t.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>M</title>')
  session = await ProjectSession.open(join(t.dir, 'project'), { create: true })
  server = await startHttpServer({ session, rendererDir: renderer })
})
afterAll(async () => {
  await server.close()
  await session.close()
  cleanup()
})

/** POSTs an API call to the served project; resolves with the parsed Result and when it arrived. */
function post(method: string, args: unknown): Promise<{ result: { ok: boolean; value?: unknown }; at: number }> {
  const body = JSON.stringify(args)
  return new Promise((ok, fail) => {
    const req = request({
      host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST',
      headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
    }, (res) => {
      let data = ''
      res.on('data', (d) => (data += d))
      res.on('end', () => ok({ result: JSON.parse(data), at: performance.now() }))
    })
    req.on('error', fail)
    req.end(body)
  })
}

describe('imports run off the main thread', () => {
  it.skipIf(!existsSync(BEVERLEY))('the served app keeps answering other calls while a large TEI edition is being imported', async () => {
    // Warm the worker, so the measured import is the parse itself.
    await post('importDocument', { fileName: 'warm.txt', contentBase64: Buffer.from('warm').toString('base64') })
    const started = performance.now()
    let done = false
    const importing = post('importDocument', { fileName: 'beverley.xml', contentBase64: readFileSync(BEVERLEY).toString('base64') }).finally(() => (done = true))
    // Ask for the project's info again and again while the import runs; note how long each answer takes.
    const latencies: number[] = []
    while (!done) {
      const asked = performance.now()
      const info = await post('getProjectInfo', {})
      expect(info.result.ok).toBe(true)
      if (!done) latencies.push(info.at - asked)
      await new Promise((r) => setTimeout(r, 20))
    }
    const imported = await importing
    expect(imported.result.ok).toBe(true)
    const importMs = imported.at - started
    const worst = Math.max(...latencies)
    console.log(`${latencies.length} calls answered during a ${Math.round(importMs)} ms import; slowest ${Math.round(worst)} ms`)
    // Parsed on the main thread, one call would wait for most of the import (the parse is synchronous).
    expect(latencies.length).toBeGreaterThanOrEqual(5)
    expect(worst).toBeLessThan(importMs / 3)
  }, 60_000)

  it.skipIf(!existsSync(GIBBON))('stops an import that makes no progress within its budget, and the next import still works', async () => {
    const bytes = new Uint8Array(readFileSync(GIBBON))
    await expect(importInWorker('gibbon.txt', bytes, {}, {}, { stallMs: 1 })).rejects.toThrow('gibbon.txt: the import made no progress for 0.001 s and was stopped; nothing was changed')
    const parsed = await importInWorker('gibbon.txt', bytes, {}, {})
    expect(parsed.title).toBe('The History of The Decline and Fall of the Roman Empire Volume 2')
  }, 60_000)

  it('a parser error comes back as the file’s own error, and the worker is reused', async () => {
    await expect(importInWorker('bad.xml', new TextEncoder().encode('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>'), {}, {})).rejects.toThrow(/^bad\.xml: not well-formed XML/)
    expect((await importInWorker('ok.md', new TextEncoder().encode('# Fine'), {}, {})).title).toBe('Fine')
  })
})
