/**
 * The `creator` of a W3C Web Annotation (or of a body, e.g. a verdict) as a Marginalia person: a
 * name, and an ORCID iD when the agent's `id` is an ORCID URL (as Marginalia's export writes it:
 * `{ "id": "https://orcid.org/0000-0002-1825-0097", "type": "Person", "name": "Ada Lovelace" }`).
 * A plain string creator is a name, unless it is itself an ORCID URL. Only the first creator counts
 * (Marginalia records one). Hypothesis's `user` (`acct:name@hypothes.is`) is read by the caller.
 */
import type { Person } from '../model'
import { makePerson, normaliseOrcid } from '../team/person'

type J = Record<string, unknown>

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined)
const ORCID_IRI = /^https?:\/\/orcid\.org\//i

/** The ORCID iD an IRI names, or undefined (not an ORCID URL, or a wrong check digit). */
function orcidOf(iri: string | undefined): string | undefined {
  if (!iri || !ORCID_IRI.test(iri)) return undefined
  try {
    return normaliseOrcid(iri)
  } catch {
    return undefined
  }
}

/**
 * The person a `creator` value names, or undefined when it names nobody usable. `problem` is told
 * what was left out (a bad ORCID, a name Marginalia cannot keep), with `where` for the message.
 */
export function creatorPerson(value: unknown, where: string, problem: (message: string) => void): Person | undefined {
  const first = Array.isArray(value) ? value[0] : value
  const agent = first && typeof first === 'object' ? (first as J) : undefined
  const iri = agent ? str(agent.id) ?? str(agent['@id']) : str(first)
  const orcid = orcidOf(iri)
  if (iri && ORCID_IRI.test(iri) && !orcid) problem(`${where}: creator ${iri} is not a valid ORCID iD; the name is kept without it`)
  const name = agent ? str(agent.name) ?? str(agent.nickname) : orcid ? undefined : str(first)
  if (!name) return orcid ? { name: orcid, orcid } : undefined
  try {
    return makePerson(name, orcid)
  } catch (err) {
    problem(`${where}: creator "${name.slice(0, 80)}" not kept as its author (${(err as Error).message})`)
    return undefined
  }
}
