/**
 * A linear time scale over milliseconds since 1970 UTC (astronomical years, so BC dates work) and
 * its ticks, from centuries down to days: the step is the smallest of a fixed ladder that gives at
 * most `maxTicks` ticks over the domain. Pure; the timeline view draws with it.
 */

const DAY = 86_400_000
const YEAR = 365.2425 * DAY

/** Tick steps, in years (negative: in days). */
const STEPS_YEARS = [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
const STEPS_MONTHS = [6, 3, 1]
const STEPS_DAYS = [14, 7, 2, 1]

export interface Tick {
  at: number
  label: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A year as a historian writes it: 330 BC for astronomical -329. */
export function yearLabel(y: number): string {
  return y <= 0 ? `${1 - y} BC` : String(y)
}

/** Milliseconds of 1 January of year `y` (UTC, astronomical). */
function yearStart(y: number): number {
  const d = new Date(0)
  d.setUTCFullYear(y, 0, 1)
  return d.getTime()
}

/** Maps [d0, d1] (ms) to [r0, r1] (px). */
export function scale(d0: number, d1: number, r0: number, r1: number): (t: number) => number {
  const k = (r1 - r0) / Math.max(1, d1 - d0)
  return (t) => r0 + (t - d0) * k
}

/** Ticks within [d0, d1] (ms), at most about `maxTicks`. */
export function ticks(d0: number, d1: number, maxTicks = 10): Tick[] {
  const span = d1 - d0
  const out: Tick[] = []
  const y0 = new Date(d0).getUTCFullYear()
  const y1 = new Date(d1).getUTCFullYear()
  const yearStep = span >= 3 * YEAR ? [...STEPS_YEARS].reverse().find((s) => span / (s * YEAR) <= maxTicks) ?? 1000 : undefined
  if (yearStep) {
    for (let y = Math.ceil(y0 / yearStep) * yearStep; y <= y1; y += yearStep) {
      const at = yearStart(y)
      if (at >= d0 && at <= d1) out.push({ at, label: yearLabel(y) })
    }
    return out
  }
  const monthStep = span >= 60 * DAY ? [...STEPS_MONTHS].reverse().find((s) => span / (s * 30.44 * DAY) <= maxTicks) ?? 6 : undefined
  if (monthStep) {
    const d = new Date(d0)
    d.setUTCDate(1)
    d.setUTCHours(0, 0, 0, 0)
    for (; d.getTime() <= d1; d.setUTCMonth(d.getUTCMonth() + 1)) {
      if (d.getUTCMonth() % monthStep || d.getTime() < d0) continue
      out.push({ at: d.getTime(), label: `${MONTHS[d.getUTCMonth()]} ${yearLabel(d.getUTCFullYear())}` })
    }
    return out
  }
  const dayStep = [...STEPS_DAYS].reverse().find((s) => span / (s * DAY) <= maxTicks) ?? 1
  for (let t = Math.ceil(d0 / DAY) * DAY; t <= d1; t += dayStep * DAY) {
    const d = new Date(t)
    out.push({ at: t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${yearLabel(d.getUTCFullYear())}` })
  }
  return out
}

/** Smallest domain the timeline zooms to (ms): one day. */
export const MIN_SPAN = DAY
