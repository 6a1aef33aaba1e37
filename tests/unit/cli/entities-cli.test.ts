/**
 * The entities CLI as a user runs it (a real process, the bundled CLI): entity add / list / merge,
 * annotate --entity, suggest, link-all and relation add, with the exact options of issue 3.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEED_PATH, tempDir } from '../../helpers/temp-dir'
import { cli, cliJson as json } from '../../helpers/run-cli'

let dir: string
let cleanup: () => void
let doc: string

beforeAll(async () => {
  const t = tempDir()
  dir = join(t.dir, 'p')
  cleanup = t.cleanup
  await json('init', dir)
  doc = (await json<{ id: string }>('import', dir, SEED_PATH)).id
}, 60_000)
afterAll(() => cleanup())

describe('entities CLI', () => {
  it('adds, lists, suggests, links all, relates and merges', async () => {
    const manuel = await json<{ id: string; authorities: { uri: string }[]; dates: object }>(
      'entity', 'add', dir, '--type', 'person', '--label', 'Manuel II', '--alias', 'Manuel', '--wikidata', 'Q37043', '--birth', '1350', '--death', '1425-07-21'
    )
    expect(manuel.authorities[0].uri).toBe('http://www.wikidata.org/entity/Q37043')
    expect(manuel.dates).toEqual({ birth: '1350', death: '1425-07-21' })

    const bad = await cli('entity', 'add', dir, '--type', 'person', '--label', 'X', '--viaf', 'Q1')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/VIAF id "Q1" is malformed: expected a number/)
    const badDate = await cli('entity', 'add', dir, '--type', 'date', '--label', 'X', '--date', '14 April 1390')
    expect(badDate.stderr).toMatch(/not an EDTF date/)

    const ann = await json<{ entityIds: string[] }>('annotate', dir, '--doc', doc, '--quote', 'uncle Manuel II', '--entity', manuel.id)
    expect(ann.entityIds).toEqual([manuel.id])

    const suggestions = await json<Array<Record<string, unknown>>>('suggest', dir, '--doc', doc)
    const alias = suggestions.filter((s) => s.entityId === manuel.id)
    expect(alias).toHaveLength(5)
    expect(alias[0]).toMatchObject({ type: 'person', source: 'alias', exact: 'Manuel' })
    expect(suggestions.find((s) => s.exact === 'April 14, 1390')).toMatchObject({ type: 'date', source: 'date', edtf: '1390-04-14' })
    expect(typeof suggestions[0].start).toBe('number')

    const made = await json<Array<{ target: { exact: string } }>>('link-all', dir, '--entity', manuel.id, '--doc', doc)
    expect(made.map((a) => a.target.exact)).toEqual(['Manuel', 'Manuel II', 'Manuel II', 'Manuel II', 'Manuel II'])

    const palaeologus = await json<{ id: string }>('entity', 'add', dir, '--type', 'person', '--label', 'Manuel Palaeologus', '--alias', 'Μανουήλ')
    const john = await json<{ id: string }>('entity', 'add', dir, '--type', 'person', '--label', 'John VIII')
    await json('relation', 'add', dir, '--subject', john.id, '--predicate', 'son of', '--object', palaeologus.id)
    const merged = await json<{ entity: { aliases: string[] }; movedRelations: number }>('entity', 'merge', dir, '--into', manuel.id, '--from', palaeologus.id)
    expect(merged.entity.aliases).toEqual(['Manuel', 'Manuel Palaeologus', 'Μανουήλ'])
    expect(merged.movedRelations).toBe(1)

    const list = await json<Array<{ label: string; mentionCount: number }>>('entity', 'list', dir)
    expect(list.map((e) => [e.label, e.mentionCount])).toEqual([['John VIII', 0], ['Manuel II', 6]])
  }, 120_000)
})
