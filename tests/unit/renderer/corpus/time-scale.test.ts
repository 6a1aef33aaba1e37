/** The timeline's axis: ticks from millennia to days, BC years written as historians write them. */
import { describe, expect, it } from 'vitest'
import { scale, ticks, yearLabel } from '../../../../src/renderer/views/corpus/time-scale'

const at = (y: number, m = 0, d = 1) => {
  const t = new Date(0)
  t.setUTCFullYear(y, m, d)
  return t.getTime()
}

describe('time scale', () => {
  it('labels astronomical years: 0 is 1 BC, -329 is 330 BC', () => {
    expect([yearLabel(1402), yearLabel(0), yearLabel(-329)]).toEqual(['1402', '1 BC', '330 BC'])
  })

  it('gives round years over centuries, months over a year, days over a fortnight, never too many', () => {
    const centuries = ticks(at(1200), at(1500), 10)
    expect(centuries.map((t) => t.label)).toEqual(['1200', '1250', '1300', '1350', '1400', '1450', '1500'])
    const year = ticks(at(1390, 0), at(1390, 11, 31), 10)
    expect(year.map((t) => t.label)).toEqual(['Jan 1390', 'Apr 1390', 'Jul 1390', 'Oct 1390'])
    const days = ticks(at(1402, 6, 15), at(1402, 6, 24), 10)
    expect(days[0].label).toBe('15 Jul 1402')
    expect(days.length).toBeLessThanOrEqual(10)
    expect(ticks(at(-500), at(1500), 10).length).toBeLessThanOrEqual(10)
  })

  it('maps a domain onto pixels linearly', () => {
    const x = scale(at(1300), at(1500), 0, 200)
    expect(x(at(1400))).toBeCloseTo(100, 0)
  })
})
