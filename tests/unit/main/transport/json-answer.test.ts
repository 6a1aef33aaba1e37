/**
 * A long answer (a book's whole annotation list) goes out in slices: the same JSON as one
 * JSON.stringify, other calls answered while it is being written, and nothing more serialised once
 * the client has gone away (a renderer that switched documents aborts the old document's list).
 */
import { createServer, get, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
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
    const base = await serve({ '/long': { ok: true, value: list }, '/short': { ok: true, value: 'small' } })
    const long = fetchText(base + '/long')
    await new Promise((r) => setTimeout(r, 5))
    expect(await fetchText(base + '/short')).toBe('{"ok":true,"value":"small"}')
    expect(serialised()).toBeLessThan(20_000)
    expect(JSON.parse(await long).value).toHaveLength(20_000)
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
})
