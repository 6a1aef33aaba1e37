/**
 * Schema migrations of project.json, applied in order on open (after a forced backup).
 * Each entry lifts data from version `from` to `from + 1`. Version 1 is the first.
 */
import { type ProjectData, SCHEMA_VERSION } from '../../shared/model'

const steps: { from: number; up: (data: ProjectData) => ProjectData }[] = []

export function migrate(data: ProjectData): ProjectData {
  let current = data
  for (const step of steps) {
    if (current.schemaVersion === step.from) current = { ...step.up(current), schemaVersion: step.from + 1 }
  }
  return { ...current, schemaVersion: SCHEMA_VERSION }
}
