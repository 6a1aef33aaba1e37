import Ajv from 'ajv'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exportCsl } from '../../../../src/shared/export/csl'
import { CSL_DATA_SCHEMA } from '../../../helpers/standards'
import { GREEK, MILETUS_BIBLATEX, miletusItems, projectWith, ZACHARIADOU } from './citations-fixture'

const SCHEMA = CSL_DATA_SCHEMA

describe('CSL-JSON export', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')))
  const run = (items: Parameters<typeof projectWith>[0]) => exportCsl({ data: projectWith(items), texts: {}, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z' })

  it('validates against csl-data.json and keeps Greek, ids and fields', () => {
    const out = run([ZACHARIADOU, GREEK, { id: 'odd', type: 'not-a-type', title: 'T', _graph: [1], 'x-custom': 1 }])
    const items = JSON.parse(out.files[0].content as string)
    expect(validate(items), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    expect(items.map((i: { id: string }) => i.id)).toEqual(['cit_0001', 'cit_0002', 'cit_0003'])
    expect(items[0]).toMatchObject({ 'container-title': 'Dumbarton Oaks Papers', volume: '31', page: '339-342', issued: { 'date-parts': [[1977]] } })
    expect(items[1].title).toBe(GREEK.title)
    expect(items[2].type).toBe('document')
    expect(out.losses.map((l) => l.what)).toEqual([
      'times the bibliography items were added and edited', 'field not in the CSL-JSON schema: type not-a-type', 'field not in the CSL-JSON schema: x-custom'
    ])
  })

  it('writes bibliography.json as CSL-JSON, and counts each dropped field over all items with the field it came from', () => {
    const out = run([{ ...ZACHARIADOU, 'x-custom': 1 }, { ...GREEK, 'x-custom': 2 }, { id: 'odd', type: 'book', title: 'T' }])
    expect(out.files).toHaveLength(1)
    expect(out.files[0]).toMatchObject({ name: 'bibliography.json', mediaType: 'application/vnd.citationstyles.csl+json' })
    expect((out.files[0].content as string).endsWith(']\n')).toBe(true)
    expect(out.losses).toContainEqual({ what: 'field not in the CSL-JSON schema: x-custom', count: 2, fields: ['citations.item.x-custom'] })
  })

  it.skipIf(!existsSync(MILETUS_BIBLATEX))('validates for the whole Miletus bibliography', () => {
    const items = JSON.parse(run(miletusItems()).files[0].content as string)
    expect(items).toHaveLength(1394)
    expect(validate(items), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
  })
})
