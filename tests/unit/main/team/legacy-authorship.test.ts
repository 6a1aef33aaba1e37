/**
 * Records made before authorship was kept: opening a schema-2 project migrates it once (after a
 * forced backup of the exact bytes) by the documented rule — an annotation's annotator made it, an
 * unrecorded change or maker is "unknown" — and the result is on disk, so the next open changes nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { COLLECTION_NAMES, type ProjectData, SCHEMA_VERSION } from '../../../../src/shared/model'
import { encodeLayout, decodeLayout } from '../../../../src/shared/team/layout/codec'
import { addLegacyAuthorship, liftLegacyLayout, UNKNOWN_PERSON, withLegacyAuthorship } from '../../../../src/shared/team/legacy-authorship'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const T0 = '2026-01-01T00:00:00.000Z'
const T1 = '2026-02-01T00:00:00.000Z'
const ADA = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }

/** `data` as a Marginalia of schema 2 saved it: no createdBy / modifiedBy anywhere. */
function asSchema2(data: ProjectData): ProjectData {
  const old = structuredClone(data)
  for (const c of COLLECTION_NAMES) for (const r of Object.values(old[c] as unknown as Record<string, Record<string, unknown>>)) (delete r.createdBy, delete r.modifiedBy)
  old.schemaVersion = 2
  return old
}

describe('the legacy authorship rule', () => {
  it('an annotation was made by its annotator; an unrecorded change or maker is unknown; authorship present is kept', () => {
    const ann = { id: 'ann_1', author: 'Ada Lovelace', created: T0, modified: T0 }
    expect(withLegacyAuthorship('annotations', ann)).toMatchObject({ createdBy: { name: 'Ada Lovelace' }, modifiedBy: { name: 'Ada Lovelace' } })
    expect(withLegacyAuthorship('annotations', { ...ann, modified: T1 })).toMatchObject({ createdBy: { name: 'Ada Lovelace' }, modifiedBy: UNKNOWN_PERSON })
    expect(withLegacyAuthorship('entities', { id: 'ent_1', created: T0, modified: T0 })).toMatchObject({ createdBy: UNKNOWN_PERSON, modifiedBy: UNKNOWN_PERSON })
    expect(withLegacyAuthorship('annotations', { ...ann, author: '' })).toMatchObject({ createdBy: UNKNOWN_PERSON })
    const authored = { ...ann, createdBy: ADA, modifiedBy: ADA }
    expect(withLegacyAuthorship('annotations', authored)).toBe(authored)
    const tag = { id: 'ruler', color: '#fff' }
    expect(withLegacyAuthorship('tags', tag)).toBe(tag)
  })
})

describe('opening a project saved before authorship was kept', () => {
  const tmp = tempDir('marginalia-legacy-authorship-')
  afterAll(() => tmp.cleanup())

  it('migrates it once after a forced backup; what had no authorship gets it by the rule, nothing else changes', async () => {
    const dir = join(tmp.dir, 'old')
    const s = await ProjectSession.open(dir, { create: true, author: ADA })
    const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }
    const documentId = ok(await s.api.importDocument({ fileName: 'john-vii.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })).id
    const first = ok(await s.api.annotateQuote({ documentId, quote: 'Manuel II', occurrence: 1, tags: ['ruler'] }))
    const changed = ok(await s.api.annotateQuote({ documentId, quote: 'Bayezid I', occurrence: 1 }))
    ok(await s.api.updateAnnotation({ id: changed.id, note: 'changed later' }))
    const entity = ok(await s.api.createEntity({ type: 'person', label: 'Manuel II' }))
    const now = structuredClone(s.store.data) as ProjectData
    await s.close()
    const old = asSchema2(now)
    const bytes = JSON.stringify(old)
    writeFileSync(join(dir, 'project.json'), bytes)
    writeFileSync(join(dir, 'journal.jsonl'), '')

    const store = await FileProjectStore.open(dir)
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION)
    const anns = store.data.annotations
    const ada = { name: 'Ada Lovelace' } // the annotator's name: the old projects recorded no ORCID
    expect([anns[first.id].createdBy, anns[first.id].modifiedBy]).toEqual([ada, ada])
    expect(anns[changed.id].modified).not.toBe(anns[changed.id].created)
    expect([anns[changed.id].createdBy, anns[changed.id].modifiedBy]).toEqual([ada, UNKNOWN_PERSON])
    expect([store.data.entities[entity.id].createdBy, store.data.entities[entity.id].modifiedBy]).toEqual([UNKNOWN_PERSON, UNKNOWN_PERSON])
    // Only authorship was added.
    const strip = (d: ProjectData) => asSchema2(d)
    expect(strip(store.data as ProjectData)).toEqual(old)
    const backup = readdirSync(join(dir, 'backups')).find((n) => n.endsWith(`-before-v${SCHEMA_VERSION}.json`))!
    expect(readFileSync(join(dir, 'backups', backup), 'utf8')).toBe(bytes)
    const migrated = structuredClone(store.data)
    await store.close()

    // Written at once: the next open reads the migrated records as they are.
    const again = await FileProjectStore.open(dir, { readOnly: true })
    expect(again.data).toEqual(migrated)
    await again.close()
  })

  it('a schema-2 git layout (a collaborator not yet upgraded) is lifted by the same rule, so a merge compares like with like', () => {
    const data = {
      schemaVersion: 2, project: { id: 'urn:uuid:x', name: 'p', created: T0 }, documents: {}, entities: {}, citations: {}, relations: {}, tags: {}, predicates: {}, rejectedSuggestions: {},
      annotations: { ann_1: { id: 'ann_1', documentId: 'doc_1', author: 'Ben', created: T0, modified: T1, tags: [], note: '', entityIds: [], citations: [], status: 'anchored', target: { start: 0, end: 1, exact: 'a', prefix: '', suffix: '' } } }
    } as unknown as ProjectData
    const lifted = liftLegacyLayout(decodeLayout(new Map(encodeLayout(data).map((f) => [f.path, f.content]))))
    expect(lifted.schemaVersion).toBe(3)
    expect(lifted.annotations.ann_1).toMatchObject({ createdBy: { name: 'Ben' }, modifiedBy: UNKNOWN_PERSON })
    const copy = structuredClone(lifted)
    expect(addLegacyAuthorship(copy)).toBe(0) // idempotent
  })
})
