/**
 * EDTF (https://www.loc.gov/standards/datetime/) to TEI dating attributes (att.datable.w3c):
 * a plain date gives `@when`; an interval gives `@from`/`@to` (an open end is left out); a date with
 * unspecified digits (`19XX`), a season, or a set gives `@notBefore`/`@notAfter`. Uncertain (`?`) or
 * approximate (`~`) dates add `@cert="medium"`, both (`%`) `@cert="low"`. Values are W3C dates at the
 * date's own precision (`1390`, `1390-04`, `1390-04-21`), years as four digits with a sign if negative.
 */
import edtf from 'edtf'

/** Dating attributes for a TEI element. Empty when the string is not EDTF TEI can express. */
export interface TeiDating {
  when?: string
  from?: string
  to?: string
  notBefore?: string
  notAfter?: string
  cert?: 'medium' | 'low'
}

/** What the edtf package returns (it ships no types): only the members used here. */
interface EdtfValue {
  type: string
  min: number
  max: number
  precision?: number
  uncertain?: { value: number }
  approximate?: { value: number }
  unspecified?: { value: number }
  lower?: EdtfValue | null
  upper?: EdtfValue | null
  /** A set's or list's members: dates, or [first, last] of a range (`1391..1392`). */
  values?: (EdtfValue | EdtfValue[])[]
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** The W3C date of epoch milliseconds `ms` at precision 1 (year), 2 (month) or 3 (day); undefined for year 0, which XSD 1.0 lacks. */
function w3c(ms: number, precision: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined
  const d = new Date(ms)
  const y = d.getUTCFullYear()
  if (y === 0) return undefined
  const year = (y < 0 ? '-' : '') + pad(Math.abs(y), 4)
  if (precision <= 1) return year
  if (precision === 2) return `${year}-${pad(d.getUTCMonth() + 1, 2)}`
  return `${year}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`
}

/** The coarsest precision at which [min, max] is whole years (1), whole months (2), or else days (3). */
function spanPrecision(min: number, max: number): number {
  const a = new Date(min)
  const b = new Date(max + 1)
  if (a.getUTCMonth() === 0 && a.getUTCDate() === 1 && b.getUTCMonth() === 0 && b.getUTCDate() === 1) return 1
  if (a.getUTCDate() === 1 && b.getUTCDate() === 1) return 2
  return 3
}

function certOf(v: EdtfValue | null | undefined): 'medium' | 'low' | undefined {
  if (!v) return undefined
  const u = (v.uncertain?.value ?? 0) !== 0
  const a = (v.approximate?.value ?? 0) !== 0
  return u && a ? 'low' : u || a ? 'medium' : undefined
}

const worse = (x?: 'medium' | 'low', y?: 'medium' | 'low') => (x === 'low' || y === 'low' ? 'low' : x ?? y)

function parse(s: string): EdtfValue | undefined {
  try {
    return edtf(s.trim()) as EdtfValue
  } catch {
    return undefined
  }
}

/**
 * Latest instant (epoch ms) of `v`. edtf.js 4.11 gives a set or list with a range in it the range's
 * first value as its end (`[1390..1392]` ends in 1390), so a range's last value is read here.
 */
function latest(v: EdtfValue): number {
  let max = v.max
  for (const x of v.values ?? []) {
    const end = Array.isArray(x) ? x[x.length - 1].max : max
    if (end > max) max = end
  }
  return max
}

/** Point in time of an EDTF date value: `@when` when fully specified, else its bounds. */
function point(v: EdtfValue, bound: 'min' | 'max'): string | undefined {
  if (v.type === 'Date' && !(v.unspecified?.value)) return w3c(v.min, v.precision ?? 3)
  return w3c(v[bound], spanPrecision(v.min, v.max))
}

/** Parsed datings by EDTF string: parsing EDTF is slow and a project repeats the same few dates. */
const cache = new Map<string, TeiDating>()
/** Bound on the cache so a pathological project cannot grow it without limit. */
const CACHE_MAX = 10_000

/** TEI dating attributes of one EDTF string; `{}` when it is not EDTF or has no W3C form. */
export function teiDating(value: string | undefined): TeiDating {
  if (!value) return {}
  let d = cache.get(value)
  if (!d) {
    d = computeDating(value)
    if (cache.size >= CACHE_MAX) cache.clear()
    cache.set(value, d)
  }
  return { ...d }
}

function computeDating(value: string): TeiDating {
  const v = parse(value)
  if (!v) return {}
  if (v.type === 'Interval') {
    const out: TeiDating = {}
    if (v.lower && Number.isFinite(v.lower.min)) out.from = point(v.lower, 'min')
    if (v.upper && Number.isFinite(v.upper.max)) out.to = point(v.upper, 'max')
    const cert = worse(certOf(v.lower), certOf(v.upper))
    if (!out.from && !out.to) return {}
    return cert ? { ...out, cert } : out
  }
  const cert = certOf(v)
  if (v.type === 'Date' && !(v.unspecified?.value)) {
    const when = w3c(v.min, v.precision ?? 3)
    if (!when) return {}
    return cert ? { when, cert } : { when }
  }
  const max = latest(v)
  const p = spanPrecision(v.min, max)
  const notBefore = w3c(v.min, p)
  const notAfter = w3c(max, p)
  if (!notBefore || !notAfter) return {}
  // A set ([a,b]: one of) is itself a statement of uncertainty.
  const setCert = v.type === 'Set' ? 'medium' : undefined
  const c = worse(cert, setCert)
  return c ? { notBefore, notAfter, cert: c } : { notBefore, notAfter }
}

/** Dating of a span between two EDTF strings (an event's start and end): `@from` of the first, `@to` of the second. */
export function teiSpan(start: string | undefined, end: string | undefined): TeiDating {
  if (!start && !end) return {}
  if (!end) return teiDating(start)
  if (!start) return teiDating(`../${end}`)
  return teiDating(`${start}/${end}`)
}

/** The dating as [name, value] attribute pairs in a fixed order. */
export function datingAttrs(d: TeiDating): [string, string | undefined][] {
  return [['when', d.when], ['notBefore', d.notBefore], ['notAfter', d.notAfter], ['from', d.from], ['to', d.to], ['cert', d.cert]]
}
