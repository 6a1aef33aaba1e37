/**
 * What a claim asserts, as the comparison reads it: who (people and groups), what (its acts:
 * besieged, blinded, married…), when (dates and years), where (places) and how many (numbers).
 * Built from the claim's concepts; shown to the historian beside the candidates.
 */
import type { Concept } from './claim-analysis'
import { tokenise } from '../text/tokenise'

export interface ClaimParts {
  who: string[]
  what: string[]
  when: string[]
  where: string[]
  howMany: string[]
}

/** Words before a name that make it a place ("in Thrace", "to Constantinople", "at Ankara"). */
const PLACE_CUES = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'towards', 'toward', 'across', 'through', 'outside', 'within', 'around'])

/**
 * The parts of a claim. `isPlace` tells from the project's entities or WordNet that a folded name is a place;
 * otherwise a name is a place when a place preposition comes before it.
 */
export function claimParts(claim: string, concepts: Concept[], isPlace: (norm: string) => boolean = () => false): ClaimParts {
  const tokens = tokenise(claim)
  const parts: ClaimParts = { who: [], what: [], when: [], where: [], howMany: [] }
  const push = (list: string[], v: string): void => {
    if (!list.includes(v)) list.push(v)
  }
  for (const c of concepts) {
    if (c.context) continue
    if (c.kind === 'date' || c.year !== undefined) push(parts.when, c.label)
    else if (c.kind === 'number') push(parts.howMany, c.label)
    else if (c.kind === 'name') {
      const i = tokens.findIndex((t) => t.text === c.label)
      const before = i > 0 ? tokens[i - 1].norm : ''
      const beforeThe = i > 1 && before === 'the' ? tokens[i - 2].norm : before
      push(isPlace(tokens[i]?.norm ?? '') || PLACE_CUES.has(beforeThe) ? parts.where : parts.who, c.label)
    } else if (c.act) push(parts.what, c.label)
  }
  return parts
}
