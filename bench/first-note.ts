/**
 * Time to the first formatted note of the open document, with the 1,394-item Miletus library
 * imported, as a ratio to the same on a project whose library holds only the cited item (the same
 * Miletus item, so both format the same data), measured in the same run (issue 10: target ≤ 2×).
 * Each run opens a fresh session (no kept entries or notes) and makes the requests a window makes
 * on opening a document: the document's notes, the works cited formatted, the library as a list;
 * the clock stops when the notes arrive. A second figure adds, at the same moment and before the
 * notes, a request to format the whole library by id (cancelled once the notes are in): the notes
 * wait at most for one chunk of it. The CSL style is compiled once before the timed runs.
 * Run: npx tsx bench/first-note.ts
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ProjectSession } from '../src/main/services/project-session'

const ROOT = join(__dirname, '..')
const MILETUS = join(ROOT, '..', 'shared', 'corpus', 'bib', 'miletus', 'Milet_Bibliography_BibTeX.bib')
if (!existsSync(MILETUS)) {
  console.log(`skipped: ${MILETUS} is absent (the shared corpus is not on this machine)`)
  process.exit(0)
}
const RUNS = 7
const STYLE = 'chicago-notes-bibliography'
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
const seed = b64(readFileSync(join(ROOT, 'documents', 'john-vii-palaiologos.txt')))
const library = b64(readFileSync(MILETUS))
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A project folder with the seed article citing one item, with or without the Miletus library; returns its path and document id. */
async function build(withLibrary: boolean): Promise<{ dir: string; docId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-'))
  const s = await ProjectSession.open(dir, { create: true })
  const docId = ok(await s.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: seed })).id
  const libraryIds = ok(await s.api.importBibliography({ fileName: 'milet.bib', contentBase64: library })).citationIds
  const citationId = libraryIds[700]
  if (!withLibrary) {
    // Keep only the cited item: the baseline formats the same data with an otherwise empty library.
    for (const id of libraryIds) if (id !== citationId) ok(await s.api.deleteCitation({ id }))
  }
  ok(await s.api.annotateQuote({ documentId: docId, quote: 'Bayezid I', occurrence: 1, citations: [{ citationId, locator: 'p. 12' }] }))
  await s.close()
  return { dir, docId }
}

/** Opens the project fresh and times the first formatted note (ms). */
async function firstNote(p: { dir: string; docId: string }, alsoWholeLibrary: boolean): Promise<number> {
  const s = await ProjectSession.open(p.dir)
  try {
    const t = performance.now()
    const whole = new AbortController()
    const ids = alsoWholeLibrary ? Object.keys(s.store.data.citations) : []
    const wholeRun = alsoWholeLibrary ? s.call('formatBibliography', { style: STYLE, citationIds: ids }, { signal: whole.signal }) : undefined
    const notesRun = s.api.formatNotes({ documentId: p.docId, style: STYLE })
    const pending = [s.api.formatBibliography({ style: STYLE }), s.api.listCitations({})]
    const notes = ok(await notesRun)
    const ms = performance.now() - t
    if (notes.length !== 1) throw new Error(`expected one note, got ${notes.length}`)
    whole.abort()
    await Promise.all([...pending, wholeRun])
    return ms
  } finally {
    await s.close()
  }
}

async function main(): Promise<void> {
  const empty = await build(false)
  const full = await build(true)
  try {
    await firstNote(empty, false) // compiles the style in the worker (once per process)
    const e: number[] = []
    const f: number[] = []
    const fw: number[] = []
    for (let i = 0; i < RUNS; i++) {
      e.push(await firstNote(empty, false))
      f.push(await firstNote(full, false))
      fw.push(await firstNote(full, true))
    }
    console.log("all runs (ms):", JSON.stringify({ e: e.map(Math.round), f: f.map(Math.round), fw: fw.map(Math.round) }))
    const base = median(e)
    console.log(`First formatted note of the open document (${STYLE}), ${RUNS} interleaved runs each, fresh session per run`)
    console.log(`                                                        median ratio`)
    console.log(`  library of the cited item only (baseline)             1.00×`)
    console.log(`  Miletus library imported (1,394 items)                ${(median(f) / base).toFixed(2)}×   target ≤ 2.00×`)
    console.log(`  … and the whole library asked formatted just before   ${(median(fw) / base).toFixed(2)}×`)
    console.log(`  (baseline median ${base.toFixed(0)} ms on this machine; the ratios are the figures to compare)`)
  } finally {
    rmSync(empty.dir, { recursive: true, force: true })
    rmSync(full.dir, { recursive: true, force: true })
  }
}

void main()
