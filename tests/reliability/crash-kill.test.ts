/**
 * SIGKILL at random moments of real writers — a child process using the store directly, the CLI,
 * and `serve` over HTTP — with compaction forced often (MARGINALIA_COMPACT_BYTES) so kills land in
 * every phase (append, fdatasync, snapshot write, journal swap, backup). After each kill the project
 * must open and hold every write that was acknowledged. Prints its counts.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileProjectStore } from '../../src/main/store/project-store'
import { tempDir } from '../helpers/temp-dir'
import { exited, onLines, rounds, sleep, spawnCli, spawnTs } from './children/spawn'

const t = tempDir('marginalia-crash-')
afterAll(() => t.cleanup())
const ENV = { MARGINALIA_COMPACT_BYTES: '4000' }
const totals = { rounds: 0, acknowledged: 0, lost: 0 }

/** Opens the project after a kill (taking over the dead writer's lock) and counts acknowledged records missing. */
async function lostAfterKill(dir: string, collection: 'annotations' | 'entities' | 'tags', acked: string[]): Promise<number> {
  const store = await FileProjectStore.open(dir)
  const records = store.data[collection] as Record<string, unknown>
  const lost = acked.filter((id) => !records[id]).length
  await store.close()
  // Temp files of the killed writer were removed on open; none are left behind.
  expect([...readdirSync(dir), ...readdirSync(join(dir, 'backups'))].filter((n) => n.endsWith('.tmp'))).toEqual([])
  totals.rounds++
  totals.acknowledged += acked.length
  totals.lost += lost
  return lost
}

async function newProject(name: string): Promise<string> {
  const dir = join(t.dir, name)
  await (await FileProjectStore.open(dir, { create: true })).close()
  return dir
}

describe('SIGKILL at random moments', () => {
  it('loses no acknowledged write of an in-process writer', async () => {
    const dir = await newProject('writer')
    for (let round = 0; round < rounds(12, 4); round++) {
      const child = spawnTs(join(__dirname, 'children', 'writer.ts'), [dir, `r${round}`], ENV)
      const acked: string[] = []
      let first: () => void = () => undefined
      const started = new Promise<void>((ok) => (first = ok))
      onLines(child, (line) => {
        if (line.startsWith('ack ')) acked.push(line.slice(4))
        if (acked.length === 1) first()
      })
      await Promise.race([started, exited(child)])
      await sleep(150 + Math.random() * 1200)
      child.kill('SIGKILL')
      await exited(child)
      expect(acked.length).toBeGreaterThan(0)
      expect(await lostAfterKill(dir, 'annotations', acked)).toBe(0)
    }
  }, 600_000)

  it('loses no acknowledged write of the CLI', async () => {
    const dir = await newProject('cli')
    for (let round = 0; round < rounds(4, 2); round++) {
      const acked: string[] = []
      for (let k = 0; k < 3; k++) {
        const child = spawnCli(['entity', 'add', dir, '--type', 'person', '--label', `Person ${round}.${k}`], ENV)
        let out = ''
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
        const kill = k === 2 ? setTimeout(() => child.kill('SIGKILL'), 300 + Math.random() * 4000) : undefined
        const code = await exited(child)
        clearTimeout(kill)
        if (code === 0) acked.push((JSON.parse(out) as { id: string }).id)
      }
      expect(await lostAfterKill(dir, 'entities', acked)).toBe(0)
    }
  }, 600_000)

  it('loses no acknowledged write of serve', async () => {
    const dir = await newProject('serve')
    const out = join(t.dir, 'out')
    mkdirSync(join(out, 'renderer'), { recursive: true })
    writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>test</title>')
    for (let round = 0; round < rounds(4, 2); round++) {
      const child = spawnCli(['serve', '--project', dir], { ...ENV, MARGINALIA_OUT: out })
      const url = await new Promise<URL | undefined>((ok) => {
        onLines(child, (line) => ok(new URL((JSON.parse(line) as { url: string }).url)))
        void exited(child).then(() => ok(undefined))
      })
      expect(url).toBeDefined()
      const acked: string[] = []
      let stop = false
      let first: () => void = () => undefined
      const started = new Promise<void>((ok) => (first = ok))
      const calls = (async () => {
        for (let n = 0; !stop; n++) {
          const tag = `r${round}-${n}`
          const res = await fetch(new URL('/api/setTagColor', url), {
            method: 'POST', headers: { authorization: `Bearer ${url!.searchParams.get('token')}`, 'content-type': 'application/json' },
            body: JSON.stringify({ tag, color: '#abcdef' })
          }).then((r) => r.json() as Promise<{ ok: boolean }>, () => ({ ok: false }))
          if (res.ok) acked.push(tag)
          if (acked.length === 1) first()
        }
      })()
      // The random moment is counted from the first acknowledged write: on a loaded machine the
      // server's first answer can take longer than the whole random window (CI, load 18).
      await Promise.race([started, exited(child)])
      await sleep(300 + Math.random() * 1500)
      child.kill('SIGKILL')
      await exited(child)
      stop = true
      await calls
      expect(acked.length).toBeGreaterThan(0)
      expect(await lostAfterKill(dir, 'tags', acked)).toBe(0)
    }
    console.log(`crash test: ${JSON.stringify(totals)}`)
    expect(totals.rounds).toBeGreaterThanOrEqual(rounds(20, 8))
  }, 600_000)
})
