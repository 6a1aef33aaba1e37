/**
 * The sentence that tells the historian what a bibliography import did, distinguishing entries
 * that repeated each other within the file from entries merged into items the project already had
 * (a RIS export after a BibTeX one merges with existing items; a file with its own duplicates
 * merges within itself). One wording for the app, the CLI and the tests.
 */
import type { BibImportReport } from '../api/citations'

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** `12 items imported from x.bib; 2 duplicates within the file merged; 3 merged with existing items; 1 entry skipped (see the list).` */
export function bibImportSummary(r: Pick<BibImportReport, 'fileName' | 'imported' | 'duplicatesInFile' | 'mergedWithExisting' | 'skipped'>): string {
  const parts = [`${count(r.imported, 'item', 'items')} imported from ${r.fileName}`]
  if (r.duplicatesInFile) parts.push(`${count(r.duplicatesInFile, 'duplicate', 'duplicates')} within the file merged`)
  if (r.mergedWithExisting) parts.push(r.mergedWithExisting === 1 ? '1 merged with an existing item' : `${r.mergedWithExisting.toLocaleString('en')} merged with existing items`)
  if (r.skipped.length) parts.push(`${count(r.skipped.length, 'entry', 'entries')} skipped (see the list)`)
  return parts.join('; ') + '.'
}
