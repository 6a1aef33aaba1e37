/**
 * A process that opens a project when told, at an agreed instant (the barrier: every racer spins
 * until the same wall-clock time), reports whether it got the writer lock, and holds it until told.
 */
import { FileProjectStore } from '../../../src/main/store/project-store'

let held: FileProjectStore | undefined

process.on('message', async (msg: { type: 'open'; dir: string; at: number; round: number } | { type: 'release' } | { type: 'exit' }) => {
  if (msg.type === 'open') {
    while (Date.now() < msg.at) {
      // spin: both racers leave the barrier within the same millisecond or so
    }
    try {
      held = await FileProjectStore.open(msg.dir)
      process.send!({ round: msg.round, ok: true })
    } catch (err) {
      process.send!({ round: msg.round, ok: false, error: (err as Error).message })
    }
  } else if (msg.type === 'release') {
    await held?.close()
    held = undefined
    process.send!({ released: true })
  } else process.exit(0)
})
process.send!({ ready: true })
