/**
 * Two processes open the same project at the same instant (a barrier on the wall clock), ≥ 50 rounds:
 * with no lock present, with the stale lock of a dead process, and with a lock whose pid was reused by
 * another program. In no round may both get the writer lock. Prints its counts.
 */
import type { ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../src/main/store/project-store'
import { LOCK_FILE } from '../../src/main/store/project-lock'
import { tempDir } from '../helpers/temp-dir'
import { spawnTs } from './children/spawn'

const ROUNDS = 54
const t = tempDir('marginalia-race-')
afterAll(() => t.cleanup())

function racer(): Promise<ChildProcess> {
  const child = spawnTs(join(__dirname, 'children', 'lock-racer.ts'), [], {}, true)
  return new Promise((ok, fail) => {
    child.once('message', () => ok(child))
    child.once('exit', (code) => fail(new Error(`racer exited with ${code}`)))
  })
}

const reply = <T>(child: ChildProcess) => new Promise<T>((ok) => child.once('message', (m) => ok(m as T)))

describe('two writers racing for one project', () => {
  it(`never both get the lock (${ROUNDS} rounds, barrier)`, async () => {
    const racers = await Promise.all([racer(), racer()])
    const counts = { rounds: 0, both: 0, one: 0, none: 0, fresh: 0, stale: 0, reused: 0 }
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const dir = join(t.dir, `p${round}`)
        await (await FileProjectStore.open(dir, { create: true })).close()
        const scenario = (['fresh', 'stale', 'reused'] as const)[round % 3]
        counts[scenario]++
        if (scenario === 'stale') writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ app: 'marginalia', pid: 999_999_999, hostname: hostname(), started: '1@gone', token: 'dead' }))
        if (scenario === 'reused') writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ app: 'marginalia', pid: process.pid, hostname: hostname(), started: '7@another-boot', token: 'reused' }))
        const at = Date.now() + 150
        const answers = racers.map((r) => reply<{ ok: boolean; error?: string }>(r))
        racers.forEach((r) => r.send({ type: 'open', dir, at, round }))
        const results = await Promise.all(answers)
        const winners = results.filter((r) => r.ok).length
        counts.rounds++
        if (winners === 2) counts.both++
        else if (winners === 1) counts.one++
        else counts.none++
        for (const r of results) if (!r.ok) expect(r.error).toMatch(/open in another Marginalia process|could not lock/)
        await Promise.all(racers.map((r, i) => (results[i].ok ? (r.send({ type: 'release' }), reply(r)) : undefined)))
      }
    } finally {
      racers.forEach((r) => r.kill())
    }
    console.log(`two-writer race: ${JSON.stringify(counts)}`)
    expect(counts.rounds).toBeGreaterThanOrEqual(50)
    expect(counts.both).toBe(0)
    expect(counts.none).toBe(0)
  }, 300_000)
})
