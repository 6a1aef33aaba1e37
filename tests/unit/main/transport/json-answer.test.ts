/**
 * A long answer (a book's whole annotation list) goes out in slices: the same JSON as one
 * JSON.stringify, other calls answered while it is being written (a turn of the event loop after
 * each slice, even when the socket takes every write at once), and nothing more serialised once
 * the client has gone away (a renderer that switched documents aborts the old document's list).
 */
import { createServer, get, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { sendJson } from '../../../../src/main/transport/json-answer'

let server: Server | undefined
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())))

/** Records whose serialisation is counted (JSON.stringify calls toJSON). */
function countedList(n: number): { list: unknown[]; serialised: () => number } {
  let count = 0
  const list = Array.from({ length: n }, (_, i) => ({ toJSON: () => (count++, { id: `a${i}`, quote: 'x'.repeat(400) }) }))
  return { list, serialised: () => count }
}

async function serve(answers: Record<string, unknown>): Promise<string> {
  server = createServer((req, res) => void sendJson(res, 200, answers[req.url ?? ''], 100))
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

const fetchText = (url: string) => new Promise<string>((ok, fail) => {
  get(url, (res) => {
    let body = ''
    res.setEncoding('utf8')
    res.on('data', (d) => (body += d))
    res.on('end', () => ok(body))
  }).on('error', fail)
})

/** In a worker thread: GET /long, and once its first bytes are in, GET /short; resolves to /long's list length and /short's body. */
function inWorker(base: string): Promise<[number, string]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads')
    ;(async () => {
      const long = await fetch(workerData + '/long')
      const reader = long.body.getReader()
      const chunks = [(await reader.read()).value]
      const short = await (await fetch(workerData + '/short')).text()
      for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value)
      const text = Buffer.concat(chunks).toString('utf8')
      parentPort.postMessage([JSON.parse(text).value.length, short])
    })().catch((err) => parentPort.postMessage(String(err)))
  `
  return new Promise((ok, fail) => {
    const worker = new Worker(code, { eval: true, workerData: base })
    worker.once('message', (m) => (Array.isArray(m) ? ok(m as [number, string]) : fail(new Error(m))))
    worker.once('error', fail)
  })
}

describe('a long JSON answer', () => {
  it('is the same JSON as one JSON.stringify of the Result', async () => {
    const long = { ok: true, value: Array.from({ length: 1234 }, (_, i) => (i % 7 === 0 ? undefined : { id: i, s: `"é\n${i}"`, n: null })) }
    const short = { ok: true, value: [1, 2] }
    const failed = { ok: false, error: { code: 'not-found', message: 'no document' } }
    const base = await serve({ '/long': long, '/short': short, '/failed': failed })
    for (const [path, body] of [['/long', long], ['/short', short], ['/failed', failed]] as const) {
      expect(await fetchText(base + path)).toBe(JSON.stringify(body))
    }
  })

  it('lets another call be answered before it is all serialised', async () => {
    const { list, serialised } = countedList(20_000)
    let whenShortRan = -1
    server = createServer((req, res) => {
      if (req.url === '/short') whenShortRan = serialised()
      void sendJson(res, 200, req.url === '/long' ? { ok: true, value: list } : { ok: true, value: 'small' })
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
    // The clients run on their own event loop and read at once, as a browser does: writes then
    // complete at once, and slices chained on their 'drain' alone never let /short in.
    const [long, short] = await inWorker(base)
    expect(short).toBe('{"ok":true,"value":"small"}')
    expect(whenShortRan).toBeGreaterThanOrEqual(0)
    expect(whenShortRan).toBeLessThan(20_000)
    expect(long).toBe(20_000)
  })

  it('stops serialising once the client has gone away', async () => {
    const { list, serialised } = countedList(20_000)
    const base = await serve({ '/long': { ok: true, value: list } })
    await new Promise<void>((done, fail) => {
      const req = get(base + '/long', (res) => res.once('data', () => { req.destroy(); done() }))
      req.on('error', (err) => (req.destroyed ? undefined : fail(err)))
    })
    await new Promise((r) => setTimeout(r, 200))
    const after = serialised()
    expect(after).toBeLessThan(20_000)
    await new Promise((r) => setTimeout(r, 100))
    expect(serialised()).toBe(after)
  })

  it('takes a turn of the event loop after each slice even when every write is taken at once', async () => {
    // The long answer goes to a response that takes every write at once (never a 'drain' to wait
    // for), as a socket whose reader keeps up does; the small call is a real request whose bytes
    // are already sent when the long answer starts. Only the turn after each slice lets it in:
    // without it the long answer is written to its end in one go, and the small call waits.
    let written = 0
    const long = Object.assign(new Writable({
      highWaterMark: 1 << 30,
      write: (_chunk, _enc, done) => (written++, done())
    }), { writeHead: () => undefined }) as unknown as ServerResponse
    const slices = 200
    let seen: { written: number; longEnded: boolean } | undefined
    server = createServer((_req, res) => {
      seen = { written, longEnded: long.writableEnded }
      void sendJson(res, 200, { ok: true, value: 'small' })
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const port = (server!.address() as AddressInfo).port
    const accepted = new Promise<void>((r) => server!.once('connection', () => r()))
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (d) => (answer += d))
    const closed = new Promise<void>((r) => socket.once('close', () => r()))
    await new Promise<void>((r) => socket.once('connect', () => r()))
    await accepted
    socket.write(`GET /short HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
    const done = sendJson(long, 200, { ok: true, value: Array.from({ length: slices * 10 }, (_, i) => ({ i })) }, 10)
    await Promise.all([done, closed])
    expect(long.writableEnded).toBe(true)
    expect(written).toBe(slices + 2) // the opening, each slice, the closing
    expect(answer).toContain('{"ok":true,"value":"small"}')
    expect(seen?.longEnded).toBe(false)
    expect(seen!.written).toBeLessThan(slices)
  })
})
