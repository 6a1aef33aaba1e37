/**
 * Proves the W3C validator helper itself: the suite's correct samples pass, every incorrect
 * sample is flagged. Without this, a validator that accepts everything would make every export
 * test pass.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { W3C_SUITE, validateAnnotation, validateWith } from '../../helpers/w3c-validate'

const samples = (kind: 'correct' | 'incorrect'): string[] =>
  readdirSync(path.join(W3C_SUITE, 'tools/samples', kind)).filter((f) => f.endsWith('.json')).sort()

describe('W3C validator helper', () => {
  it('flags every incorrect sample of the suite', () => {
    const files = samples('incorrect')
    expect(files.length).toBeGreaterThanOrEqual(39)
    const unflagged: string[] = []
    for (const f of files) {
      let value: unknown
      try {
        value = JSON.parse(readFileSync(path.join(W3C_SUITE, 'tools/samples/incorrect', f), 'utf8'))
      } catch {
        continue // broken JSON on purpose: a parser already rejects it
      }
      if (validateAnnotation(value).length === 0) unflagged.push(f)
    }
    expect(unflagged).toEqual([])
  })

  it('passes the correct annotation samples (known suite quirks listed)', () => {
    // anno11–13 trip 3.2-targetObjectsRecognized (a oneOf quirk of the suite, see PROVENANCE.md);
    // collection1 and example41–43 are Collections and Pages, not Annotations (checked below).
    const known = new Set(['anno11.json', 'anno12.json', 'anno13.json', 'collection1.json', 'example41.json', 'example42.json', 'example43.json'])
    const failing = samples('correct').filter((f) => {
      const value = JSON.parse(readFileSync(path.join(W3C_SUITE, 'tools/samples/correct', f), 'utf8'))
      return validateAnnotation(value).length > 0
    })
    expect(failing.filter((f) => !known.has(f))).toEqual([])
    expect(failing).toContain('collection1.json')
  })

  it('accepts the sample collection as a collection and rejects a date without timezone', () => {
    const col = JSON.parse(readFileSync(path.join(W3C_SUITE, 'tools/samples/correct/collection1.json'), 'utf8'))
    expect(validateWith('collections/collectionMusts.test', col)).toEqual([])
    const read = (f: string): unknown => JSON.parse(readFileSync(path.join(W3C_SUITE, 'tools/samples/correct', f), 'utf8'))
    expect(validateWith('collections/collectionMusts.test', read('example41.json'))).toEqual([])
    // The suite is stricter than the spec's own example 43: a page's `partOf` must be an embedded
    // collection description (an object), not a bare IRI. Our exporter follows the suite.
    const page = { ...(read('example43.json') as object), partOf: { id: 'http://example.org/collection1', type: 'AnnotationCollection', total: 42023 } }
    expect(validateWith('collections/pages/pageMusts.test', read('example43.json')).length).toBeGreaterThan(0)
    expect(validateWith('collections/pages/pageMusts.test', page)).toEqual([])
    expect(validateWith('collections/pages/pageMusts.test', { ...page, next: 42 }).map((f) => f.assertion)).toEqual([
      'collections/pages/5.2-pageNextValidated.json'
    ])
    const bad = {
      '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:0f2a4c1e-0000-4000-8000-000000000001',
      type: 'Annotation', target: 'http://example.org/doc', created: '2026-11-26T10:00:00'
    }
    expect(validateAnnotation(bad).map((f) => f.assertion)).toContain('annotations/3.3.1-annotationCreatedValidated.json')
    expect(validateAnnotation({ ...bad, created: '2026-11-26T10:00:00Z' })).toEqual([])
  })
})
