/**
 * Stems for matching: irregular English past forms mapped to their verb, then the Porter stemmer
 * ("besieged", "besieging", "besieges" → "besieg"; "fled" → "flee").
 */
import { stemmer } from 'stemmer'

/**
 * Irregular past forms → present, so "left"/"leave", "fled"/"flee", "sought"/"seek" share a stem
 * (the Porter stemmer only strips regular suffixes). Ambiguous forms ("found", "saw") are left out.
 */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `left:leave fled:flee sought:seek took:take taken:take gave:give given:give went:go gone:go came:come
  fought:fight won:win lost:lose held:hold kept:keep led:lead made:make slew:slay slain:slay began:begin begun:begin
  brought:bring built:build caught:catch chose:choose chosen:choose drove:drive driven:drive fell:fall fallen:fall
  knew:know known:know laid:lay met:meet paid:pay ran:run rode:ride ridden:ride rose:rise risen:rise said:say sent:send
  sold:sell spent:spend stood:stand struck:strike swore:swear sworn:swear taught:teach thought:think threw:throw
  thrown:throw told:tell wrote:write written:write overthrew:overthrow overthrown:overthrow overcame:overcome
  undertook:undertake undertaken:undertake withdrew:withdraw withdrawn:withdraw besought:beseech forsook:forsake
  forsaken:forsake bore:bear borne:bear born:birth sprang:spring sprung:spring fled:flee hid:hide hidden:hide
  shook:shake shaken:shake sank:sink sunk:sink strove:strive striven:strive wrought:work dealt:deal felt:feel
  fought:fight heard:hear meant:mean sat:sit slept:sleep spoke:speak spoken:speak stole:steal stolen:steal
  swept:sweep wept:weep froze:freeze frozen:freeze rebuilt:rebuild beheld:behold upheld:uphold`
    .split(/\s+/)
    .map((pair) => pair.split(':'))
)

/**
 * 18th-century spellings of Gibbon's age and their modern forms ("shew" → "show", "chuse" →
 * "choose", "antient" → "ancient", "connexion" → "connection"), so both stem alike.
 */
const ARCHAIC: Record<string, string> = Object.fromEntries(
  `shew:show shewed:showed shewn:shown shewing:showing chuse:choose chusing:choosing antient:ancient connexion:connection
  compleat:complete burthen:burden burthens:burdens controul:control controuled:controlled atchieve:achieve atchieved:achieved
  croud:crowd crouds:crowds phrensy:frenzy recal:recall recalled:recalled inclose:enclose inclosed:enclosed intire:entire
  intirely:entirely gaol:jail gaols:jails despatch:dispatch despatched:dispatched publick:public musick:music
  hath:has doth:does hast:have dost:do spake:spoke`
    .split(/\s+/)
    .map((pair) => pair.split(':'))
)

/** The modern verb of an irregular past form ("fled" → "flee") or of an archaic spelling ("shew" → "show"), or the word itself. */
export function irregularBase(norm: string): string {
  const modern = Object.hasOwn(ARCHAIC, norm) ? ARCHAIC[norm] : norm
  return Object.hasOwn(IRREGULAR, modern) ? IRREGULAR[modern] : modern
}

// Cached: the same few thousand words recur across a large source.
const stemCache = new Map<string, string>()
/** Porter stem of a folded word (irregular forms first mapped to their verb; numbers and words of one or two letters kept as they are). */
export function stemOf(norm: string): string {
  let s = stemCache.get(norm)
  if (s === undefined) {
    const lemma = irregularBase(norm)
    s = lemma.length <= 2 || /\d/.test(lemma) ? lemma : stemmer(lemma)
    if (stemCache.size > 200_000) stemCache.clear()
    stemCache.set(norm, s)
  }
  return s
}

