/**
 * lowdb adapter for project.json: reads and validates, writes atomically with fsync
 * (steno, lowdb's default writer, renames without fsync and shares one temp name per file).
 */
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type { ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { parseJsonSafely } from '../../shared/safe-json'
import { writeFileAtomic } from './atomic-write'
import { projectDataProblem, withAllCollections } from './validate-project'

export class DurableJsonAdapter implements Adapter<ProjectData> {
  /** The exact text last read from disk (used to back it up before migrations). */
  lastReadText: string | undefined

  constructor(readonly path: string) {}

  async read(): Promise<ProjectData | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    this.lastReadText = text
    let parsed: unknown
    try {
      parsed = parseJsonSafely(text)
    } catch (err) {
      throw new MarginaliaError('invalid-file', `${this.path}: not valid JSON (${(err as Error).message})`)
    }
    const problem = projectDataProblem(parsed)
    if (problem) throw new MarginaliaError('invalid-file', `${this.path}: not a Marginalia project (${problem})`)
    return withAllCollections(parsed as ProjectData)
  }

  async write(data: ProjectData): Promise<void> {
    // Compact JSON: ~35% smaller and faster to write than pretty-printed for large projects.
    await writeFileAtomic(this.path, JSON.stringify(data))
  }
}
