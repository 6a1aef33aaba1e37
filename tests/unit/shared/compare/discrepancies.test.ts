import { describe, expect, it } from 'vitest'
import { findDiscrepancies } from '../../../../src/shared/compare/discrepancies'

// Claims are sentences of the seed article; passages are Gibbon, Decline and Fall vol. 6 (PG #895).
const ANKARA_CLAIM = 'John VII discharged his duties well, hoping for a miracle, which occurred when Bayezid was defeated by Timur at the Battle of Ankara (July 20, 1402).'
const LESBOS = 'Manuel [80] immediately sailed from Modon in the Morea; ascended the throne of Constantinople, and dismissed his blind competitor to an easy exile in the Isle of Lesbos.'
const TRUCE = 'A truce of ten years was purchased by an annual tribute of thirty thousand crowns of gold; the Greeks deplored the public toleration of the law of Mahomet.'
const timur = { id: 'ent_timur', type: 'person', names: ['Timur', 'Tamerlane', 'Timour'] }

describe('findDiscrepancies', () => {
  it('flags a day that differs and keeps name variants as variants, not errors', () => {
    const passage = 'It was on the twenty-eighth of July, in the year 1402, that the plains of Angora saw Bajazet vanquished by Timour, while John held the city.'
    const found = findDiscrepancies(ANKARA_CLAIM, passage, { entities: [timur] })
    expect(found).toContainEqual({ kind: 'date', claim: '20 July 1402', source: '28 July', variant: false })
    expect(found).toContainEqual({ kind: 'name', claim: 'Bayezid', source: 'Bajazet', variant: true })
    expect(found).toContainEqual({ kind: 'name', claim: 'Timur', source: 'Timour', variant: true, entityId: 'ent_timur' })
    expect(found).toContainEqual({ kind: 'place', claim: 'Battle of Ankara', source: 'Angora', variant: true })
    expect(found.filter((d) => !d.variant).map((d) => d.kind)).toEqual(['date'])
  })

  it('does not flag a date the passage gives in words', () => {
    const passage = 'It was on the twentieth of July, 1402, that Bajazet was overthrown by Timour at Angora.'
    expect(findDiscrepancies(ANKARA_CLAIM, passage).filter((d) => d.kind === 'date')).toEqual([])
  })

  it('flags a year that differs, with the passage year closest to it', () => {
    const claim = 'Both father and son were overthrown and partly blinded in 1379'
    const passage = 'For the reigns of John PalÊologus and his son Manuel, from 1354 to 1402, see Ducas.'
    expect(findDiscrepancies(claim, passage)).toContainEqual({ kind: 'date', claim: '1379', source: '1402', variant: false })
  })

  it('matches numbers written in words and in digits, and flags a differing count of the same unit', () => {
    const claim = 'Manuel bought a truce of seven years for a tribute of 30,000 crowns of gold.'
    const found = findDiscrepancies(claim, TRUCE)
    expect(found).toContainEqual({ kind: 'number', claim: 'seven', source: 'ten', variant: false })
    expect(found.some((d) => d.claim === '30,000')).toBe(false)
  })

  it('flags a place the passage does not name at all', () => {
    const claim = "On Manuel II's return John VII dutifully returned power to him and was allowed to retire to Thessalonica"
    const found = findDiscrepancies(claim, LESBOS)
    expect(found).toContainEqual({ kind: 'place', claim: 'Thessalonica', source: '', variant: false })
    // Manuel is named in both: no discrepancy for him.
    expect(found.some((d) => d.claim.startsWith('Manuel'))).toBe(false)
  })

  it('repairs the mojibake of the source before comparing names', () => {
    const claim = 'The emperor Palaiologos remained a helpless spectator.'
    const passage = 'After his enfranchisement from an oppressive guardian, John PalÊologus remained thirty-six years.'
    expect(findDiscrepancies(claim, passage).filter((d) => !d.variant)).toEqual([])
    expect(findDiscrepancies(claim, passage)).toContainEqual({ kind: 'name', claim: 'Palaiologos', source: 'John PalÊologus', variant: true })
  })
})

describe('findDiscrepancies: relative dates, approximate numbers, different people', () => {
  it('resolves "the following year" against the year before it and compares the result', () => {
    // Seed article, and Gibbon vol. 6, note 61 to ch. LXX.
    const claim = 'When his father Andronikos IV usurped the throne from his father John V Palaiologos in 1376, John VII was associated as co-emperor the following year.'
    const passage = 'Fleury alleges, from the annals of Odericus Raynaldus, the original treaty which was signed the 21st of December, 1376, between Gregory XI. and the Romans'
    const dates = findDiscrepancies(claim, passage).filter((d) => d.kind === 'date')
    expect(dates).toEqual([{ kind: 'date', claim: 'the following year (1377)', source: '1376', variant: false }])
  })

  it('compares dates within a life only with dates within a life', () => {
    // Gibbon vol. 6, ch. LXV: two real sentences on Timour.
    const claim = 'From the twelfth year of his age, Timour had entered the field of action'
    const passage = 'and the conqueror of Asia expired in the seventieth year of his age, thirty-five years after he had ascended the throne of Zagatai.'
    const found = findDiscrepancies(claim, passage)
    expect(found).toContainEqual({ kind: 'date', claim: 'twelfth year of his age', source: 'seventieth year of his age', variant: false })
    expect(found.filter((d) => d.kind === 'number')).toEqual([])
    expect(findDiscrepancies(claim, 'It was in the second year of his reign, while he resided in the palace').filter((d) => d.kind === 'date')).toEqual([])
  })

  it('keeps the qualifier of an approximate count and flags "some five years" against "ten years"', () => {
    const claim = 'In 1399, after Bayezid I had besieged Constantinople for some five years'
    expect(findDiscrepancies(claim, TRUCE)).toContainEqual({ kind: 'number', claim: 'some five', source: 'ten', variant: false })
    // Within a quarter, an approximate count agrees: some 6,500 and six thousand.
    expect(findDiscrepancies('Bajazet led some 6,500 horse', 'he brought about five or six thousand more horse').filter((d) => d.kind === 'number')).toEqual([])
  })

  it('names the different person the passage gives in the same role, and no variant of a surname', () => {
    const claim = 'John VII Palaiologos was the son of Emperor Andronikos IV Palaiologos'
    const passage = 'The eldest of the sons of Manuel, John PalÊologus the Second, was acknowledged, after his father’s death, as the sole emperor of the Greeks.'
    const names = findDiscrepancies(claim, passage).filter((d) => d.kind === 'name')
    expect(names).toEqual([{ kind: 'name', claim: 'Emperor Andronikos IV Palaiologos', source: 'Manuel', variant: false }])
  })
})
