/**
 * Splits RIS text into records (`TY  -` … `ER  -`), with the line each starts on and its key, so
 * a malformed record can be reported and skipped. Expects LF line ends: RIS files in the wild
 * also use CRLF or bare CR (e.g. Zotero's Miletus export), which readBibliography normalises first.
 */

/** One RIS record. */
export interface RisRecord {
  /** 1-based line of its first tag. */
  line: number
  /** The `ID` tag, else `AU`+`PY`, else ''. */
  key: string
  text: string
  /** What is wrong with it, when something is (no TY, no ER, no tags). */
  problem?: string
}

const TAG = /^([A-Z][A-Z0-9])  -( (.*))?$/

/** Splits RIS text (LF line ends) into records; blank lines between records are ignored. */
export function splitRis(text: string): RisRecord[] {
  const lines = text.split('\n')
  const records: RisRecord[] = []
  let cur: { line: number; lines: string[]; tags: Map<string, string> } | null = null
  const finish = (problem?: string): void => {
    if (!cur) return
    const key = cur.tags.get('ID') ?? [cur.tags.get('AU'), cur.tags.get('PY')].filter(Boolean).join(' ')
    const typeProblem = cur.tags.has('TY') ? undefined : 'record does not start with a TY tag'
    records.push({ line: cur.line, key, text: cur.lines.join('\n') + '\n', problem: typeProblem ?? problem })
    cur = null
  }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]
    // Tolerates leading blanks before a tag: the Miletus export has ` TY  - JOUR` lines.
    const m = TAG.exec(raw.replace(/^[\uFEFF\s]+/, ''))
    if (!cur) {
      if (raw.trim() === '') continue
      cur = { line: i + 1, lines: [], tags: new Map() }
    }
    if (m && m[1] === 'TY' && cur.lines.length > 0) {
      // A new record began before the previous one ended.
      finish('record has no ER (end of record) tag')
      cur = { line: i + 1, lines: [], tags: new Map() }
    }
    cur.lines.push(raw)
    if (m) {
      if (!cur.tags.has(m[1])) cur.tags.set(m[1], (m[3] ?? '').trim())
      if (m[1] === 'ER') finish()
    }
  }
  if (cur) finish('record has no ER (end of record) tag')
  return records
}
