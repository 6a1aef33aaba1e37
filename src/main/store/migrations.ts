/**
 * Schema migrations of the stored data, applied in order on open (after a forced backup of the
 * exact bytes read). Each step lifts data from version `from` to `from + 1`. Version 1 is the first.
 */
import { join } from 'node:path'
import { type ProjectData, SCHEMA_VERSION } from '../../shared/model'
import { addLegacyAuthorship } from '../../shared/team/legacy-authorship'
import { storeFs } from './store-fs'
import { sha256Hex, TEXT_FILE_NAME } from './text-files'

interface MigrationContext {
  dir: string
}

const steps: { from: number; up: (data: ProjectData, ctx: MigrationContext) => Promise<void> }[] = [
  {
    // 2: documents record the sha256 of their text file (as it is now: the best knowledge there is).
    from: 1,
    async up(data, { dir }) {
      for (const doc of Object.values(data.documents)) {
        const file = doc.textFile ?? `${doc.id}.txt`
        if (!TEXT_FILE_NAME.test(file)) continue
        const text = await storeFs.readFile(join(dir, 'texts', file)).catch(() => undefined)
        if (text) data.documents[doc.id] = { ...doc, textSha256: sha256Hex(text) }
      }
    }
  },
  {
    // 3 (team3): records made before authorship was kept get it by the rule of src/shared/team/legacy-authorship.ts.
    from: 2,
    async up(data) {
      addLegacyAuthorship(data)
    }
  }
]

/** Lifts `data` (in place) to SCHEMA_VERSION. */
export async function migrate(data: ProjectData, ctx: MigrationContext): Promise<void> {
  for (const step of steps) {
    if (data.schemaVersion === step.from) {
      await step.up(data, ctx)
      data.schemaVersion = step.from + 1
    }
  }
  data.schemaVersion = SCHEMA_VERSION
}
