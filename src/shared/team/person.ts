/**
 * People as Marginalia records them (`Person`: a name and an optional ORCID iD): parsing what a
 * historian types (`Ada Lovelace <0000-0002-1825-0097>`), checking the ORCID checksum (ISO 7064
 * MOD 11-2, as https://support.orcid.org/hc/en-us/articles/360006897674 describes), and writing
 * a person back as text or as the ORCID URL exports use.
 */
import type { Person } from '../model'

const ORCID_SHAPE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/
const ORCID_URL = /^https?:\/\/orcid\.org\//i

/** The ORCID check character of the first 15 digits (ISO 7064 MOD 11-2): `0`–`9` or `X`. */
export function orcidCheckCharacter(digits15: string): string {
  let total = 0
  for (const d of digits15) total = (total + Number(d)) * 2
  const result = (12 - (total % 11)) % 11
  return result === 10 ? 'X' : String(result)
}

/**
 * The ORCID iD in its canonical form (`0000-0002-1825-0097`), from that form, without hyphens, or
 * as an `https://orcid.org/…` URL; throws an Error saying what is wrong otherwise.
 */
export function normaliseOrcid(input: string): string {
  let s = input.trim().replace(ORCID_URL, '').toUpperCase()
  if (/^\d{15}[\dX]$/.test(s)) s = s.replace(/^(\d{4})(\d{4})(\d{4})(\d{3}[\dX])$/, '$1-$2-$3-$4')
  if (!ORCID_SHAPE.test(s)) throw new Error(`"${input}" is not an ORCID iD (16 digits such as 0000-0002-1825-0097)`)
  const digits = s.replace(/-/g, '')
  if (orcidCheckCharacter(digits.slice(0, 15)) !== digits[15]) throw new Error(`"${input}" is not an ORCID iD: its check digit is wrong`)
  return s
}

/** A valid person from a name and an optional ORCID (either form); throws an Error naming the problem. */
export function makePerson(name: string, orcid?: string): Person {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (!n) throw new Error('an author needs a name')
  if (n.length > 200) throw new Error('an author name is at most 200 characters')
  if (/[<>]/.test(n)) throw new Error(`"${n}": a name cannot contain < or >`)
  return orcid?.trim() ? { name: n, orcid: normaliseOrcid(orcid) } : { name: n }
}

/** Reads `Name`, `Name <ORCID>` or `Name <https://orcid.org/ORCID>`; throws an Error naming the problem. */
export function parsePerson(text: string): Person {
  const m = /^([^<>]*)<([^<>]*)>\s*$/.exec(text.trim())
  return m ? makePerson(m[1], m[2]) : makePerson(text)
}

/** `Name <ORCID>` or `Name`: what parsePerson reads back. */
export function formatPerson(p: Person): string {
  return p.orcid ? `${p.name} <${p.orcid}>` : p.name
}

/** The person's ORCID URL (`https://orcid.org/…`), or undefined. */
export function orcidUrl(p: Person): string | undefined {
  return p.orcid ? `https://orcid.org/${p.orcid}` : undefined
}

/** True when both are the same person (same name and ORCID). */
export function samePerson(a: Person | undefined, b: Person | undefined): boolean {
  return a?.name === b?.name && a?.orcid === b?.orcid
}
