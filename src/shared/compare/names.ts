/**
 * Close spellings of proper names: Bayezid/Bajazet, Timur/Timour, Ankara/Angora,
 * Selymbria/Selybria, Palaiologos/Palaeologus, Andronikos/Andronicus. Two tests, either enough:
 * the same consonant skeleton (a phonetic key), or a small edit distance on the folded forms.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u'])
/** Initial letters spelling the same hard c. */
const HARD_C = new Set(['c', 'k', 'q'])
// Consonants that transliterations swap freely map to one class.
const CLASS: Record<string, string> = {
  b: 'b', p: 'b', f: 'f', v: 'f', w: 'f', c: 'k', k: 'k', q: 'k', g: 'k', x: 'k',
  d: 't', t: 't', s: 's', z: 's', j: 'j', l: 'l', r: 'r', m: 'm', n: 'n', h: ''
}

/**
 * Phonetic key of a folded name: its consonant classes in order, doubled ones collapsed, vowels
 * and h dropped ("bayezid" → "bjst", "bajazet" → "bjst"; "timur"/"timour" → "tmr"). A leading
 * vowel is kept as "a" so Ankara stays apart from Nikaia; `withoutLead` drops it (Amurath/Murad).
 */
export function nameKey(folded: string, withoutLead = false): string {
  const s = folded.replace(/ph/g, 'f').replace(/th/g, 't').replace(/ch/g, 'k')
  let out = ''
  // Class of the previous letter when it was a consonant (h is transparent), to collapse doubles only.
  let prev = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    let k: string | undefined
    if (c === 'y') {
      // y is a consonant between vowels or before a vowel at the start ("Bayezid", "Yusuf"), else a vowel.
      const before = i === 0 || VOWELS.has(s[i - 1])
      k = before && VOWELS.has(s[i + 1] ?? '') ? 'j' : undefined
      if (!k) {
        if (i === 0 && !withoutLead) out += 'a'
        prev = ''
        continue
      }
    } else if (VOWELS.has(c)) {
      if (i === 0 && !withoutLead) out += 'a'
      prev = ''
      continue
    } else k = CLASS[c]
    if (k === undefined || k === '') continue
    if (prev !== k) out += k
    prev = k
  }
  return out
}

/** A name's phonetic keys, with and without a leading vowel (see nameKey), computed once. */
export interface NameKeys {
  key: string
  lead: string
}
export function nameKeys(folded: string): NameKeys {
  return { key: nameKey(folded), lead: nameKey(folded, true) }
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    prev = cur
  }
  return prev[b.length]
}

/** Shortest name (in letters) compared by spelling; shorter ones collide too easily ("Ali"/"Alp"). */
const MIN_NAME_LENGTH = 4
/** Shortest name compared by edit distance (with MIN_SPELLING_SIMILARITY, "Musa"/"Mousa" pass, "John"/"Joan" do not). */
const MIN_SPELLING_LENGTH = 4
/** Names this short or shorter need the same phonetic key as well as a close spelling. */
const SHORT_NAME = 5
/** Smallest share of letters two spellings must have in common (1 − distance / length). */
const MIN_SPELLING_SIMILARITY = 0.8

/**
 * How likely two folded names are spellings of one name: 1 for equal, about 0.8–0.9 for
 * variants, 0 for different names. Used as the weight of a name match.
 */
export function nameSimilarity(a: string, b: string, keys?: { a: NameKeys; b: NameKeys }): number {
  if (a === b) return 1
  if (a.length < MIN_NAME_LENGTH || b.length < MIN_NAME_LENGTH) return 0
  const maxLen = Math.max(a.length, b.length)
  const allowed = Math.floor(maxLen * (1 - MIN_SPELLING_SIMILARITY) + 1e-9)
  const d = editDistance(a, b, allowed)
  const spelling = d > allowed ? 0 : 1 - d / maxLen
  const ka = keys?.a.key ?? nameKey(a)
  const kb = keys?.b.key ?? nameKey(b)
  // One letter in five is a lot: short names must also sound alike (Timur/Timour, not Timur/Tibur).
  const shortOk = Math.min(a.length, b.length) > SHORT_NAME || ka === kb
  let score = spelling >= MIN_SPELLING_SIMILARITY && a[0] === b[0] && Math.min(a.length, b.length) >= MIN_SPELLING_LENGTH && shortOk ? spelling : 0
  // Same skeleton: strong when the first letters agree (or are a hard c written c, k or q, as in
  // Cossova/Kosovo; not t/d, which would make Demir a Timur); two different initial vowels (Ottoman/Athman) need a longer skeleton, since
  // short vowel-initial keys collide (Europe/Arabia are both "arb").
  const sameStart = a[0] === b[0] || (HARD_C.has(a[0]) && HARD_C.has(b[0]))
  // A three-consonant key collides more often (Timur/Thamar) than a longer one: weaker evidence.
  if (ka === kb && (sameStart ? ka.length >= 3 : ka.length >= 4)) score = Math.max(score, sameStart && ka.length >= 4 ? 0.9 : 0.8)
  else {
    // A leading vowel lost or added (Amurath/Murad, Emanuel/Manuel): weaker evidence. Short keys
    // only when the rest of the name starts with the same letter (not Ottoman/Domino).
    const la = keys?.a.lead ?? nameKey(a, true)
    const [longer, shorter] = a.length >= b.length ? [a, b] : [b, a]
    const prefixed = VOWELS.has(longer[0]) && !VOWELS.has(shorter[0]) && longer[1] === shorter[0]
    if (la === (keys?.b.lead ?? nameKey(b, true)) && (la.length >= 4 || (la.length >= 3 && prefixed))) score = Math.max(score, 0.75)
  }
  return score
}
