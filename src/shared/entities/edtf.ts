/**
 * EDTF (Extended Date/Time Format, ISO 8601-2) dates: validated with the `edtf` package, stored
 * exactly as typed (so `1400~` stays `1400~`), and shown in words (`c. 1400`, `14 April 1390`,
 * `1403 – 1408`). Years are astronomical in EDTF: `-0329` is 330 BC.
 */
import edtf from 'edtf'

const EXAMPLES = '1370, 1400~ (about 1400), 1390? (perhaps 1390), 1390-04-14, 1390-04, 13XX, 1403/1408'

/** Thrown for text that is not an EDTF date; the message gives the expected forms. */
export class EdtfError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not an EDTF date: expected a form such as ${EXAMPLES}`)
  }
}

/** What the `edtf` package reports about a parsed value (it ships no types). */
interface EdtfValue {
  type: string
  toEDTF(): string
}

/** True when `input` is a valid EDTF string (levels 0–2). */
export function isEdtf(input: string): boolean {
  try {
    ;(edtf as (s: string) => EdtfValue)(input)
    return true
  } catch {
    return false
  }
}

/**
 * Validates an EDTF date and returns it trimmed, otherwise unchanged (stored faithfully).
 * @throws EdtfError with the expected forms when it is not EDTF.
 */
export function parseEdtf(input: string): string {
  const value = input.trim()
  if (value === '' || value.length > 100 || !isEdtf(value)) throw new EdtfError(input)
  return value
}

/** The EDTF type of a valid date: Date, Year, Interval, Season, Set, List, Century, Decade. */
export function edtfType(input: string): string {
  return (edtf as (s: string) => EdtfValue)(input).type
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const SEASONS: Record<string, string> = { '21': 'Spring', '22': 'Summer', '23': 'Autumn', '24': 'Winter' }

/** A year in words: `1390`, `330 BC` (EDTF `-0329`), `1390s` (`139X`), `1300s` (`13XX`). */
function formatYear(sign: string, digits: string): string {
  const unspecified = digits.indexOf('X')
  if (unspecified >= 0) {
    const known = digits.slice(0, unspecified).replace(/^0+(?=\d)/, '')
    const stem = `${known}${'0'.repeat(digits.length - unspecified)}`
    return `${stem}s${sign === '-' ? ' BC' : ''}`
  }
  const n = Number(digits)
  return sign === '-' ? `${n + 1} BC` : String(n)
}

const SIMPLE_DATE = /^([?~%]?)(-?)(\d{2}(?:\d|X){2}|\d{2}XX)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?([?~%]?)$/

/** One date (no interval) in words, or undefined when its form is beyond the simple cases. */
function formatSingle(part: string): string | undefined {
  if (part === '..' || part === '') return ''
  const century = /^(-?)(\d{2})$/.exec(part)
  if (century) return `${formatYear(century[1], `${century[2]}XX`)}`
  const m = SIMPLE_DATE.exec(part)
  if (!m) return undefined
  const [, pre, sign, year, month, day, post] = m
  const qualifier = pre || post
  let text = formatYear(sign, year)
  if (month && SEASONS[month]) text = `${SEASONS[month]} ${text}`
  else if (month && month !== 'XX') {
    const name = MONTHS[Number(month) - 1]
    if (!name) return undefined
    text = day && day !== 'XX' ? `${Number(day)} ${name} ${text}` : `${name} ${text}`
  }
  if (qualifier === '~') return `c. ${text}`
  if (qualifier === '?') return `${text} (?)`
  if (qualifier === '%') return `c. ${text} (?)`
  return text
}

/**
 * A valid EDTF date in English words: `1390-04-14` → `14 April 1390`, `1400~` → `c. 1400`,
 * `1403/1408` → `1403 – 1408`, `../1408` → `until 1408`. Forms it cannot put in words are
 * returned as the EDTF string itself, never altered.
 */
export function formatEdtf(value: string): string {
  const parts = value.split('/')
  if (parts.length === 2) {
    const [a, b] = parts.map(formatSingle)
    if (a === undefined || b === undefined) return value
    if (a === '') return b === '' ? value : `until ${b}`
    if (b === '') return `from ${a}`
    return `${a} – ${b}`
  }
  return formatSingle(value) || value
}
