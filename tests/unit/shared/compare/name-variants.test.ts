import { describe, expect, it } from 'vitest'
import { nameVariants } from '../../../../src/shared/compare/claim-analysis'
import { buildSourceIndex } from '../../../../src/shared/compare/source-index'

// Real sentences of Gibbon, Decline and Fall vol. 6 (ch. LX, LXIX, LXV).
const ALEXIUS = 'Conrad abandoned the service of his brother-in-law Angela, sister of the emperors Isaac and Alexius.'
const LUCIUS = 'These examples might suffice; but I cannot forget the sufferings of two pontiffs of the same age, the second and third of the name of Lucius.'
const AMURATH = 'The vizier of Amurath reminded his sovereign that, according to the Mahometan law, he was entitled to a fifth part of the spoil and captives.'

describe('spelling variants of a claim name found in the source', () => {
  it('takes Alexius for Alexios but not the look-alike Lucius when both are in the source', () => {
    const index = buildSourceIndex(`${ALEXIUS}\n\n${LUCIUS}`)
    const found = nameVariants('alexios', index).map((v) => v.norm)
    expect(found).toContain('alexius')
    expect(found).not.toContain('lucius')
  })

  it('keeps a looser spelling when it is the closest the source has (Amurath for Murad)', () => {
    const index = buildSourceIndex(`${AMURATH}\n\n${LUCIUS}`)
    expect(nameVariants('murad', index).map((v) => v.norm)).toContain('amurath')
  })
})
