/**
 * Keeps `serve` answering when a client floods it with connections (docs/limits.md, "The served
 * app"). Every peer is 127.0.0.1, so a per-address quota would be one quota for all; instead the
 * server holds at most `maxConnections` sockets, and when one more arrives the socket idle the
 * longest (no request in flight) is closed to make room. A flood of idle sockets therefore costs
 * the flooder its own sockets, never a real call. Only when every socket has a request in flight
 * is the newcomer refused. A socket that sends no complete request within `silentTimeout` ms is
 * closed here (Node's headersTimeout only starts with the first byte); slow headers, slow bodies
 * and idle kept-alive sockets are timed out by Node (headersTimeout, requestTimeout,
 * keepAliveTimeout, set in http.ts).
 */
import type { Server } from 'node:http'
import type { Socket } from 'node:net'

interface SocketState {
  /** Requests received on this socket whose response has not finished. */
  inFlight: number
}

export interface ConnectionGuard {
  /** Sockets open now. */
  readonly open: number
  /** Sockets closed to make room since the server started. */
  readonly evicted: number
}

/**
 * Installs the guard on `server`: at most `maxConnections` sockets (LIMITS.httpConnections), and
 * none that stays silent for `silentTimeout` milliseconds after connecting (LIMITS.httpHeadersTimeout).
 */
export function guardConnections(server: Server, maxConnections: number, silentTimeout: number): ConnectionGuard {
  // A Map keeps insertion order, and a socket is re-inserted when it becomes idle, so the first
  // idle entry is the one idle the longest.
  const sockets = new Map<Socket, SocketState>()
  let evicted = 0

  function makeRoom(newcomer: Socket): boolean {
    for (const [socket, state] of sockets) {
      if (socket === newcomer || state.inFlight > 0) continue
      sockets.delete(socket)
      socket.destroy()
      evicted++
      return true
    }
    return false
  }

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { inFlight: 0 })
    const silent = setTimeout(() => socket.destroy(), silentTimeout).unref()
    socket.once('data', () => clearTimeout(silent)) // from its first byte Node's headersTimeout applies
    socket.once('close', () => {
      clearTimeout(silent)
      sockets.delete(socket)
    })
    if (sockets.size > maxConnections && !makeRoom(socket)) {
      sockets.delete(socket)
      socket.destroy() // every socket is busy with a request: this is real load, not idle sockets
    }
  })

  server.on('request', (req, res) => {
    const socket = req.socket
    const state = sockets.get(socket)
    if (!state) return
    state.inFlight++
    res.once('close', () => {
      state.inFlight--
      if (state.inFlight === 0 && sockets.delete(socket)) sockets.set(socket, state) // now the most recently idle
    })
  })

  return {
    get open() {
      return sockets.size
    },
    get evicted() {
      return evicted
    }
  }
}
