/**
 * Who holds a lock, and whether that holder still runs. On Linux a process is identified by its
 * pid, its start time (field 22 of /proc/PID/stat, in clock ticks since boot) and the boot id, so a
 * pid reused by another program after Marginalia died is recognised as not the holder. Elsewhere
 * only "a process with that pid is alive" can be checked, and the lock error names the file to remove.
 */
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

export interface ProcessIdentity {
  app: 'marginalia'
  pid: number
  hostname: string
  /** Linux: start time in clock ticks since boot + boot id; elsewhere ''. */
  started: string
}

/** The start time of `pid` as "<ticks>@<boot id>", or '' when /proc cannot tell (not Linux, or no such process). */
export function processStarted(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    return `${fields[19]}@${boot}`
  } catch {
    return ''
  }
}

let self: ProcessIdentity | undefined

export function currentProcess(): ProcessIdentity {
  self ??= { app: 'marginalia', pid: process.pid, hostname: hostname(), started: processStarted(process.pid) }
  return self
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * 'alive': that very process still runs; 'dead': it does not (the pid is free, or now belongs to a
 * process started at another time); 'unknown': another host, or a pid alive on a system where its
 * start time cannot be read.
 */
export function holderStatus(holder: Pick<ProcessIdentity, 'pid' | 'hostname' | 'started'>): 'alive' | 'dead' | 'unknown' {
  if (holder.hostname !== currentProcess().hostname) return 'unknown'
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !pidAlive(holder.pid)) return 'dead'
  if (!holder.started) return 'unknown'
  const now = processStarted(holder.pid)
  if (!now) return 'unknown'
  return now === holder.started ? 'alive' : 'dead'
}
