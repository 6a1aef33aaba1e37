/**
 * Whether the holder of a lock still runs decides between "open in another Marginalia process" and
 * taking the lock over: the very process (same pid and start time) is alive; a pid that is free, not
 * a pid, or now belongs to a process started at another time is dead; a holder on another host, or
 * one whose start time is not known, cannot be checked from here.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, symlinkSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { currentProcess, holderStatus, processStarted } from '../../../../src/main/store/process-identity'
import { folder } from './store-test-kit'

const linux = process.platform === 'linux'
const me = () => ({ pid: process.pid, hostname: hostname(), started: processStarted(process.pid) })
/** A pid that was just used and has ended. */
const endedPid = () => spawnSync(process.execPath, ['-e', '0']).pid!

describe('who holds a lock', () => {
  it.runIf(linux)('this process is identified by pid, host, and start time in ticks since boot with the boot id', async () => {
    vi.resetModules() // currentProcess() keeps its answer in the module: ask a fresh copy
    const fresh = await import('../../../../src/main/store/process-identity')
    const me = fresh.currentProcess()
    expect(me).toEqual({ app: 'marginalia', pid: process.pid, hostname: hostname(), started: expect.stringMatching(/^\d+@[0-9a-f-]{36}$/) })
    expect(fresh.processStarted(process.pid)).toBe(me.started)
    // Independently: seconds since boot now, minus this process's age, in clock ticks (100 per second on Linux).
    const startedSecondsAfterBoot = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) - process.uptime()
    expect(Math.abs(Number(me.started.split('@')[0]) / 100 - startedSecondsAfterBoot)).toBeLessThan(5)
  })

  it.runIf(linux)('the start time of a process whose name holds spaces and parentheses is read from the right field', async () => {
    const link = join(folder(), 'odd) (name x')
    symlinkSync(process.execPath, link)
    const child = spawn(link, ['-e', 'setTimeout(() => {}, 10000)'])
    try {
      await new Promise((r) => child.once('spawn', r))
      const [ticks, boot] = processStarted(child.pid!).split('@')
      expect(boot).toBe(currentProcess().started.split('@')[1])
      expect(Number(ticks)).toBeGreaterThanOrEqual(Number(currentProcess().started.split('@')[0])) // started after this process
    } finally {
      child.kill()
    }
  })

  it('a pid with no process has no start time', () => {
    expect(processStarted(endedPid())).toBe('')
  })
})

describe('whether the holder still runs', () => {
  it.runIf(linux)('the very process is alive', () => {
    expect(holderStatus(me())).toBe('alive')
  })

  it.runIf(linux)('the same pid started at another time is dead (the pid was reused)', () => {
    expect(holderStatus({ ...me(), started: `1@${me().started.split('@')[1]}` })).toBe('dead')
  })

  it('a pid that has ended, zero, negative or not a whole number is dead', () => {
    for (const pid of [endedPid(), 0, -1, 1.5, Number.NaN]) expect(holderStatus({ ...me(), pid }), String(pid)).toBe('dead')
  })

  it('a holder on another host, or alive without a known start time, cannot be checked', () => {
    expect(holderStatus({ ...me(), hostname: `${hostname()}-elsewhere` })).toBe('unknown')
    expect(holderStatus({ ...me(), started: '' })).toBe('unknown')
  })
})
