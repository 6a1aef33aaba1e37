/** Who made and who last changed a record: ORCID checking, stamping rules, and what a merge keeps. */
import { describe, expect, it } from 'vitest'
import type { Annotation, Person, ProjectData } from '../../../../src/shared/model'
import { stampAuthorship } from '../../../../src/shared/team/authorship'
import { planAcceptIntoCuration } from '../../../../src/shared/team/curation'
import { mergeProjects } from '../../../../src/shared/team/merge/merge-projects'
import { formatPerson, normaliseOrcid, orcidCheckCharacter, parsePerson } from '../../../../src/shared/team/person'
import { fixtureProject } from '../../../helpers/export-fixture'

const ADA: Person = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
const BEN: Person = { name: 'Ben Jonson' }

describe('people and ORCID iDs', () => {
  it('checks the ORCID check character as ORCID documents it (0000-0002-1825-0097, 0000-0001-5109-3700, 0000-0002-1694-233X)', () => {
    expect(orcidCheckCharacter('000000021825009')).toBe('7')
    expect(orcidCheckCharacter('000000015109370')).toBe('0')
    expect(orcidCheckCharacter('000000021694233')).toBe('X')
    expect(normaliseOrcid('https://orcid.org/0000-0002-1694-233x')).toBe('0000-0002-1694-233X')
    expect(normaliseOrcid('0000000218250097')).toBe('0000-0002-1825-0097')
    expect(() => normaliseOrcid('0000-0002-1825-0098')).toThrow(/check digit is wrong/)
    expect(() => normaliseOrcid('1825-0097')).toThrow(/not an ORCID iD/)
  })

  it('reads what a historian types on the command line and writes it back', () => {
    expect(parsePerson('  Ada   Lovelace <https://orcid.org/0000-0002-1825-0097> ')).toEqual(ADA)
    expect(parsePerson('Ben Jonson')).toEqual(BEN)
    expect(parsePerson(formatPerson(ADA))).toEqual(ADA)
    expect(() => parsePerson('   ')).toThrow(/needs a name/)
    expect(() => parsePerson('Ada <0000-0002-1825-0098>')).toThrow(/check digit/)
    expect(() => parsePerson('Ada <x> <y>')).toThrow()
  })
})

describe('stampAuthorship', () => {
  const record = fixtureProject().data.annotations.ann_dates as Annotation
  it('gives a new record its creator and modifier, keeping a creator the writer names (an import)', () => {
    expect(stampAuthorship(undefined, record, ADA)).toMatchObject({ createdBy: ADA, modifiedBy: ADA })
    expect(stampAuthorship(undefined, { ...record, createdBy: BEN }, ADA)).toMatchObject({ createdBy: BEN, modifiedBy: BEN })
  })
  it('marks a changed record as changed by the writer, keeps its creator, and leaves an unchanged one alone', () => {
    const made = stampAuthorship(undefined, record, BEN)
    const edited = stampAuthorship(made, { ...made, note: 'Ada: checked', modified: 'later' }, ADA)
    expect(edited).toMatchObject({ createdBy: BEN, modifiedBy: ADA, note: 'Ada: checked' })
    const { createdBy: _c, modifiedBy: _m, ...bare } = made
    expect(stampAuthorship(made, { ...bare, note: 'x' }, ADA)).toMatchObject({ createdBy: BEN, modifiedBy: ADA })
    expect(stampAuthorship(made, { ...made, modified: 'touched only' }, ADA).modifiedBy).toEqual(BEN)
  })
  it('keeps a modifier the writer chose (a merge bringing the other annotator’s change)', () => {
    const made = stampAuthorship(undefined, record, ADA)
    expect(stampAuthorship(made, { ...made, note: 'Ben’s', modifiedBy: BEN }, ADA).modifiedBy).toEqual(BEN)
  })
})

describe('curation', () => {
  it('leaves a curated copy’s authorship to the curator (not the annotator’s)', () => {
    const a = { ...(fixtureProject().data.annotations.ann_dates as Annotation), createdBy: BEN, modifiedBy: BEN }
    const plan = planAcceptIntoCuration({ [a.id]: a }, a.id, 'cur_1', '2026-12-01T00:00:00.000Z')
    expect(stampAuthorship(undefined, plan.put, ADA)).toMatchObject({ author: 'curation', createdBy: ADA, modifiedBy: ADA, tags: a.tags })
  })
})

describe('authorship through a merge', () => {
  it('keeps each record’s creator, and as modifier the person of the later change, without a conflict', () => {
    const base: ProjectData = fixtureProject().data
    const a0 = { ...base.annotations.ann_dates, createdBy: BEN, modifiedBy: BEN }
    base.annotations.ann_dates = a0
    const ours = structuredClone(base)
    const theirs = structuredClone(base)
    ours.annotations.ann_dates = { ...a0, note: 'Ada: dates checked', modified: '2026-12-01T08:00:00.000Z', modifiedBy: ADA }
    theirs.annotations.ann_dates = { ...a0, color: '#00ff00', modified: '2026-12-01T08:30:00.000Z', modifiedBy: BEN }
    const later = mergeProjects({ base, ours, theirs })
    expect(later.conflicts).toEqual([])
    expect(later.merged.annotations.ann_dates).toMatchObject({ note: 'Ada: dates checked', color: '#00ff00', createdBy: BEN, modifiedBy: BEN })
    theirs.annotations.ann_dates.modified = '2026-12-01T07:00:00.000Z'
    expect(mergeProjects({ base, ours, theirs }).merged.annotations.ann_dates.modifiedBy).toEqual(ADA)
    // A real conflict names the field, not the bookkeeping.
    theirs.annotations.ann_dates.note = 'Ben: no'
    expect(mergeProjects({ base, ours, theirs }).conflicts.map((c) => c.fields)).toEqual([['note']])
  })
})
