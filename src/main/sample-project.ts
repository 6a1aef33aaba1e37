/**
 * First start: with no project chosen, the app opens a sample project holding the seed article
 * and a Gibbon excerpt, created once from the app's documents/ folder.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentRole } from '../shared/model'
import type { ExportFolders } from './services/export-folders'
import { ProjectSession } from './services/project-session'

/** Sample documents shipped in documents/, imported in this order. */
export const SAMPLE_DOCUMENTS: { file: string; role: DocumentRole; title?: string }[] = [
  { file: 'john-vii-palaiologos.txt', role: 'text' },
  { file: 'gibbon-vol6-ch64-65.txt', role: 'source', title: 'Gibbon, Decline and Fall, vol. 6, ch. LXIV–LXV' }
]

/** Opens the sample project at `dir`, creating it with the sample documents the first time. */
export async function openSampleProject(dir: string, appRoot: string, exportFolders?: ExportFolders): Promise<ProjectSession> {
  const fresh = !(await stat(join(dir, 'project.json')).then(() => true, () => false))
  const session = await ProjectSession.open(dir, { create: true, name: 'Sample project', appRoot, exportFolders })
  if (fresh) {
    for (const { file, role, title } of SAMPLE_DOCUMENTS) {
      const bytes = await readFile(join(appRoot, 'documents', file))
      await session.ctx.importBytes(file, new Uint8Array(bytes), { role, title })
    }
    session.store.history.clear() // the sample's import is not an edit the historian can undo
  }
  return session
}

/** Where the sample project lives for a user without a project: `<data dir>/Sample.marginalia`. */
export function sampleProjectDir(userDataDir: string): string {
  return join(userDataDir, 'Sample.marginalia')
}
