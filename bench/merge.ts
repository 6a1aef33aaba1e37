/**
 * Cost of merging two annotators' work: base of 2,000 shared annotations, 10,000 new annotations on
 * each side, independent edits and 50 conflicts (tests/git/two-annotators.ts). Reported as ratios to
 * baselines measured in the same run: opening the merged-size project (ProjectSession.open: read,
 * validate, verified backup) and decoding its git layout. Medians of 5.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectSession } from '../src/main/services/project-session'
import { decodeLayout, encodeLayout } from '../src/shared/team/layout/codec'
import { mergeProjects } from '../src/shared/team/merge/merge-projects'
import { twoAnnotators } from '../tests/git/two-annotators'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function main() {
  const s = twoAnnotators(10_000)
  const merged = mergeProjects(s).merged
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-merge-'))
  try {
    const project = join(dir, 'p')
    await (await ProjectSession.open(project, { create: true })).close()
    writeFileSync(join(project, 'project.json'), JSON.stringify(merged))
    const files = new Map(encodeLayout(merged).map((f) => [f.path, f.content]))
    const [merge, open, decode] = [[], [], []] as number[][]
    for (let r = 0; r < 5; r++) {
      let t = performance.now()
      const result = mergeProjects(s)
      merge.push(performance.now() - t)
      if (result.conflicts.length !== s.conflicting.length) throw new Error('unexpected conflicts')
      t = performance.now()
      await (await ProjectSession.open(project)).close()
      open.push(performance.now() - t)
      t = performance.now()
      decodeLayout(files)
      decode.push(performance.now() - t)
    }
    const n = Object.keys(merged.annotations).length
    console.log(`merge of 2 × 10,000 new annotations (${n} in the result, ${s.conflicting.length} conflicts):`)
    console.log(`  = ${(median(merge) / median(open)).toFixed(2)}× opening the merged project (median of 5)`)
    console.log(`  = ${(median(merge) / median(decode)).toFixed(2)}× decoding its git layout (median of 5)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
