/**
 * Sending an API call's Result as JSON over HTTP. A long list (a book's whole annotation list:
 * 10,000 records, 4.5 MB) is serialised and written a slice at a time, the event loop free between
 * slices: one `JSON.stringify` of it held the services for 0.2–1.5 s on a loaded machine, and
 * every other window's call (a document switch's first screens) waited behind it. When the client
 * goes away meanwhile (the renderer aborted a read it no longer needs), the rest is never
 * serialised. The bytes sent are the same JSON as `JSON.stringify(result)`.
 */
import type { ServerResponse } from 'node:http'

/** Records per written slice (about 0.2 MB of annotations; a few ms to serialise). */
export const SLICE = 500

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

/** Resolves on the next turn of the event loop, after pending I/O (other calls, a closed socket). */
const nextTurn = () => new Promise<void>((r) => setImmediate(r))

/** Resolves once `res` can take more bytes, or its socket closed. */
const drainedOrClosed = (res: ServerResponse) => new Promise<void>((r) => {
  const done = () => {
    res.off('drain', done)
    res.off('close', done)
    r()
  }
  res.on('drain', done)
  res.on('close', done)
})

/**
 * Writes `body` as a JSON answer with `status`. A `{ ok: true, value: [...] }` whose list is longer
 * than `slice` goes out in slices with the event loop free between them, and stops (the socket is
 * already closed) when the client has gone away. Resolves once written or abandoned.
 */
export async function sendJson(res: ServerResponse, status: number, body: unknown, slice = SLICE): Promise<void> {
  const list = listOf(body)
  if (!list || list.length <= slice) {
    res.writeHead(status, HEADERS)
    res.end(JSON.stringify(body))
    return
  }
  let gone = res.destroyed
  const onClose = () => (gone = !res.writableFinished)
  res.once('close', onClose)
  try {
    res.writeHead(status, HEADERS)
    const head = JSON.stringify({ ...(body as object), value: [] })
    // `{"ok":true,"value":[]}` with the list written between its brackets (`value` is the last key).
    const open = head.slice(0, head.lastIndexOf('[]') + 1)
    const close = head.slice(head.lastIndexOf('[]') + 1)
    let drained = res.write(open)
    for (let i = 0; i < list.length; i += slice) {
      // Then a turn of the event loop, always: a write the kernel took at once emits 'drain' on the
      // next tick, and slices chained that way never let another call's request in.
      if (!drained) await drainedOrClosed(res)
      await nextTurn()
      if (gone || res.destroyed) return
      // JSON.stringify of an array writes `null` for what it cannot serialise (undefined, functions).
      const part = list.slice(i, i + slice).map((x) => JSON.stringify(x) ?? 'null').join(',')
      drained = res.write(i === 0 ? part : ',' + part)
    }
    res.end(close)
  } finally {
    res.off('close', onClose)
  }
}

/** The list of a successful Result whose `value` is its last key and an array, else undefined. */
function listOf(body: unknown): unknown[] | undefined {
  if (typeof body !== 'object' || body === null || (body as { ok?: unknown }).ok !== true) return undefined
  const value = (body as { value?: unknown }).value
  const keys = Object.keys(body)
  return Array.isArray(value) && keys[keys.length - 1] === 'value' ? value : undefined
}
