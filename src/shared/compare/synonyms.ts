/**
 * A small hand-curated thesaurus for the historical register: words a modern article and an
 * older narrative use for the same act or office ("defeated" / "overthrown" / "vanquished",
 * "besieged" / "blockade", "emperor" / "basileus" / "sovereign"). Groups are matched by stem,
 * so "besieged", "besieging" and "siege" need one entry. A word may sit in several groups.
 * Matches through this table weigh less than the word itself (see rank.ts).
 */
import { stemOf } from '../text/stem'

const GROUPS: string[] = [
  // war and its outcomes
  'defeat overthrow vanquish rout overcome crush overwhelm beat worst subdue victory victor triumph',
  'besiege siege blockade beleaguer invest encircle surround assault',
  'battle fight engagement combat encounter fray',
  'war warfare hostilities campaign conflict struggle strife discord',
  'conquest conquer capture subjugate subdue reduce occupy occupation seize',
  'army troops host forces soldiers militia soldiery',
  'defend defence defense protect guard resist resistance safeguard',
  'kill slay slain murder assassinate execute behead',
  'captive captivity prison prisoner imprison confine confinement dungeon capture',
  'mourn mourning lament grieve grief weep tear tears sorrow',
  'receive reception welcome entertain treat treatment',
  'marry marriage wed wedding bride espouse nuptials',
  'ascend accession succeed enthrone coronation',
  'build construct erect raise found',
  'flee fled flight escape refuge asylum sanctuary',
  'retreat withdraw retire retirement evacuate',
  'exile banish banishment expel expulsion relegate retire retirement',
  // power and office
  'emperor basileus sovereign monarch ruler autocrat king prince sultan emir khan caliph tsar czar despot',
  'throne crown sceptre scepter diadem purple',
  'power authority government rule reign dominion sovereignty sway throne',
  'govern rule reign administer administration',
  'regent regency guardian lieutenant viceroy deputy protector',
  'heir successor succession primogeniture',
  'usurp usurper usurpation depose dethrone oust supplant revolution coup rebel revolt rebellion',
  'restore restoration reinstate return',
  'abdicate abdication resign resignation renounce',
  'title name style epithet surname appellation nickname sobriquet',
  'vassal tributary dependent subject',
  'tribute payment homage',
  'capital metropolis',
  'city town',
  'domain province principality territory dominion appanage fief',
  'coast shore seaboard littoral seacoast',
  // diplomacy
  'treaty truce pact accord agreement compact convention alliance',
  'peace truce reconciliation',
  'friendship amity alliance ally allies friend',
  'cede cession concede concession restitution surrender yield grant',
  'recognise recognize acknowledge confirm ratify',
  'ask request solicit implore entreat beg petition seek sought appeal',
  'aid help assistance succor succour support relief reinforcement supply',
  'embassy ambassador envoy legation mission',
  'rival competitor pretender claimant adversary opponent antagonist enemy',
  // people and family
  'son heir offspring',
  'father parent sire',
  'grandfather grandsire',
  'wife spouse consort',
  'die death died decease expire perish demise predecease',
  'born birth nativity',
  'blind blinded blinding sight eye eyes squint squinting',
  // peoples and regions, as older narratives name them
  'turk turkish ottoman ottomans osmanli othman',
  'byzantine greek greeks',
  'west western occident occidental latin latins frank franks',
  'east eastern orient oriental levant',
  // states of affairs
  'weak weakness feeble decline infirmity',
  'miracle miraculous providence deliverance',
  'journey travel voyage pilgrimage visit expedition',
  'absence absent abroad departure',
  'military martial arms armed'
]

/** Stem → stems of every word sharing a group with it (itself excluded). */
const BY_STEM: Map<string, Set<string>> = (() => {
  const map = new Map<string, Set<string>>()
  for (const group of GROUPS) {
    const stems = [...new Set(group.split(/\s+/).map((w) => stemOf(w)))]
    for (const s of stems) {
      let set = map.get(s)
      if (!set) map.set(s, (set = new Set()))
      for (const o of stems) if (o !== s) set.add(o)
    }
  }
  return map
})()

/** Stems that the table treats as synonyms of `stem` (empty when it has none). */
export function synonymsOf(stem: string): string[] {
  return [...(BY_STEM.get(stem) ?? [])]
}
