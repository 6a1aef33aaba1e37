/**
 * One list per concept (issue 10 item 4): entity types, verdicts, document formats and roles,
 * citation styles, authority schemes, bibliography formats and suggestion sources each have one
 * source in src/shared/model; the API contract, the export schema and the CLI follow it, and no
 * other file outside the renderer spells a list out again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { methods } from '../../../../src/shared/api'
import {
  AUTHORITY_SCHEMES, BIBLIOGRAPHY_FORMATS, CITATION_STYLE_LABELS, CITATION_STYLES, DOCUMENT_FORMAT_LABELS, DOCUMENT_FORMATS,
  DOCUMENT_ROLE_LABELS, DOCUMENT_ROLES, ENTITY_TYPE_LABELS, ENTITY_TYPES, SUGGESTION_SOURCES, VERDICT_LABELS, VERIFICATION_STATUSES
} from '../../../../src/shared/model'
import { ROOT } from '../../../helpers/temp-dir'

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'marginalia-export.schema.json'), 'utf8'))
const defs = schema.definitions

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

describe('one list per concept', () => {
  it('the published export schema lists exactly the model\'s values', () => {
    expect(defs.entity.properties.type.enum).toEqual(ENTITY_TYPES)
    expect(defs.document.properties.format.enum).toEqual(DOCUMENT_FORMATS)
    expect(defs.document.properties.role.enum).toEqual(DOCUMENT_ROLES)
    expect(defs.verification.properties.status.enum).toEqual(VERIFICATION_STATUSES)
    expect(defs.entity.properties.authorities.items.properties.scheme.enum).toEqual(AUTHORITY_SCHEMES)
  })

  it('the API contract accepts every value of each list and nothing else', () => {
    const accepts = (m: keyof typeof methods, args: object) => methods[m].args.safeParse(args).success
    for (const type of ENTITY_TYPES) expect(accepts('createEntity', { type, label: 'x' })).toBe(true)
    expect(accepts('createEntity', { type: 'planet', label: 'x' })).toBe(false)
    for (const scheme of AUTHORITY_SCHEMES) expect(accepts('createEntity', { type: 'person', label: 'x', authorities: [{ scheme, id: '1' }] })).toBe(true)
    for (const style of CITATION_STYLES) expect(accepts('formatNotes', { documentId: 'd', style })).toBe(true)
    expect(accepts('formatNotes', { documentId: 'd', style: 'apa' })).toBe(false)
    for (const format of DOCUMENT_FORMATS) expect(accepts('importDocument', { fileName: 'a', contentBase64: '', format })).toBe(true)
    for (const role of DOCUMENT_ROLES) expect(accepts('listDocuments', { role })).toBe(true)
    expect(accepts('listDocuments', { role: 'draft' })).toBe(false)
    for (const format of BIBLIOGRAPHY_FORMATS) expect(accepts('importBibliography', { fileName: 'a', contentBase64: '', format })).toBe(true)
    for (const s of SUGGESTION_SOURCES) expect(accepts('suggestMentions', { documentId: 'd', sources: [s] })).toBe(true)
  })

  it('every value has a label', () => {
    const labelled: [readonly string[], Record<string, string>][] = [
      [ENTITY_TYPES, ENTITY_TYPE_LABELS], [VERIFICATION_STATUSES, VERDICT_LABELS], [DOCUMENT_FORMATS, DOCUMENT_FORMAT_LABELS],
      [DOCUMENT_ROLES, DOCUMENT_ROLE_LABELS], [CITATION_STYLES, CITATION_STYLE_LABELS]
    ]
    for (const [list, labels] of labelled) expect(Object.keys(labels)).toEqual([...list])
  })

  it('no file of shared, main or cli spells out one of the lists again', () => {
    const lists = [ENTITY_TYPES, VERIFICATION_STATUSES, DOCUMENT_FORMATS, DOCUMENT_ROLES, CITATION_STYLES, AUTHORITY_SCHEMES, BIBLIOGRAPHY_FORMATS, SUGGESTION_SOURCES]
    // A whole list written out as literals, in any quoting: `'a', 'b', …` or `'a' | 'b' | …`.
    const patterns = lists.map((l) => new RegExp(l.map((v) => `['"]${v}['"]`).join('\\s*[,|]\\s*')))
    const home = join(ROOT, 'src', 'shared', 'model')
    const bad: string[] = []
    for (const dir of ['shared', 'main', 'cli']) {
      for (const file of files(join(ROOT, 'src', dir))) {
        if (file.startsWith(home)) continue
        const text = readFileSync(file, 'utf8')
        for (const p of patterns) if (p.test(text)) bad.push(`${relative(ROOT, file)} repeats ${p.source}`)
      }
    }
    expect(bad).toEqual([])
  })
})
