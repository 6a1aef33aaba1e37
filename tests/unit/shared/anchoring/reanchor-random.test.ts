/**
 * Re-anchoring at scale against ground truth: 1,500 random passages of the shipped Gibbon excerpt,
 * a new version with 120 random edits (insertions, deletions, replacements) whose positions are
 * known, so the true new place of every surviving passage is known too. Checks the promise of
 * DESIGN.md §5: untouched passages are `anchored` at exactly their new offsets; touched ones are
 * either followed to where they really went or orphaned — never moved to a look-alike elsewhere.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe as suite, expect, it } from 'vitest'
import { anchor, describe, reanchorAll } from '../../../../src/shared/anchoring'
import type { AnchorResult } from '../../../../src/shared/anchoring'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { normaliseText } from '../../../../src/shared/text/normalise'

const TEXT = normaliseText(readFileSync(path.resolve(__dirname, '../../../../documents/gibbon-vol6-ch64-65.txt'), 'utf8'))

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Edit { at: number; remove: number; insert: string }

suite('reanchorAll against ground truth (shipped Gibbon excerpt)', () => {
  function scenario() {
    const rnd = prng(7)
    // Work on code point arrays so every offset below is in code points.
    const old = [...TEXT]
    const oldIndex = new CodePointIndex(TEXT)
    const anns = Array.from({ length: 1500 }, (_, i) => {
      const start = Math.floor(rnd() * (old.length - 200))
      const end = start + 5 + Math.floor(rnd() * 80)
      return { id: `a${i}`, target: describe(oldIndex, start, end) }
    })
    // Non-overlapping edits, sorted, at least 300 code points apart.
    const edits: Edit[] = []
    for (let at = 500 + Math.floor(rnd() * 1000); at < old.length - 100 && edits.length < 120; at += 300 + Math.floor(rnd() * 3000)) {
      const kind = rnd()
      edits.push(kind < 0.33 ? { at, remove: 0, insert: ' [a new note of the editor]' }
        : kind < 0.66 ? { at, remove: 5 + Math.floor(rnd() * 40), insert: '' }
          : { at, remove: 3 + Math.floor(rnd() * 10), insert: 'Ænglish wørds' })
    }
    const parts: string[] = []
    let last = 0
    for (const e of edits) {
      parts.push(old.slice(last, e.at).join(''), e.insert)
      last = e.at + e.remove
    }
    parts.push(old.slice(last).join(''))
    const newText = parts.join('')
    /** New offset of an old code point not inside a removed range. */
    const shiftAt = (x: number): number => {
      let shift = 0
      for (const e of edits) if (e.at + e.remove <= x) shift += [...e.insert].length - e.remove
      return x + shift
    }
    // A passage is "touched" if an edit falls inside it or right at its edges (its quote or its
    // context changed in a way that can change the outcome).
    const touched = (s: number, e: number): boolean => edits.some((d) => d.at < e + 1 && d.at + d.remove > s - 1)

    return { anns, newText, shiftAt, touched }
  }

  function check(s: ReturnType<typeof scenario>, results: AnchorResult[], untouchedStatus: 'anchored' | 'moved') {
    const { anns, shiftAt, touched } = s
    const tally = { exact: 0, followed: 0, orphaned: 0 }
    for (const [i, r] of results.entries()) {
      const { start, end } = anns[i].target
      if (!touched(start, end)) {
        expect(r.status, `#${i} untouched`).toBe(start === shiftAt(start) ? 'anchored' : untouchedStatus)
        expect([r.start, r.end], `#${i}`).toEqual([shiftAt(start), shiftAt(end)])
        tally.exact++
      } else if (r.status === 'orphaned') {
        tally.orphaned++
      } else {
        // Followed: the new range must overlap where the passage's surviving ends went.
        const lo = Math.min(shiftAt(start), shiftAt(end)) - 40
        const hi = Math.max(shiftAt(start), shiftAt(end)) + 40
        expect(r.start < hi && r.end > lo, `#${i} moved to ${r.start}-${r.end}, expected near ${lo}-${hi}`).toBe(true)
        tally.followed++
      }
    }
    expect(tally.exact).toBeGreaterThan(1000)
    expect(tally.followed).toBeGreaterThan(tally.orphaned) // most edited passages are still found
  }

  it('reanchorAll (positions carried through a diff): untouched passages anchored at their new offsets', () => {
    const s = scenario()
    const results = reanchorAll(TEXT, s.newText, s.anns)
    const newIndex = new CodePointIndex(s.newText)
    for (const r of results) if (r.status !== 'orphaned') expect(newIndex.slice(r.start, r.end)).toBe(r.target.exact)
    check(s, results, 'anchored')
  }, 60_000)

  it('anchor() with stale positions (annotations made on the old version, imported on the new)', () => {
    const s = scenario()
    const newIndex = new CodePointIndex(s.newText)
    // Without the diff every shifted passage is found by its quote: `moved`, at the right offsets.
    check(s, s.anns.map((a) => anchor(newIndex, a.target)), 'moved')
  }, 60_000)
})
