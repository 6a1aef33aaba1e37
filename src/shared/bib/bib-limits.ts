/**
 * Limits on bibliography files, checked before anything is read or expanded, so a hostile file
 * (a 583-byte `@string` chain that doubles itself twenty-one times makes a 67 MB title) cannot take
 * the app's memory or time. The values are the project-wide table's (src/shared/limits.ts, with
 * the reason for each); these names say what the bibliography reader checks with them. The
 * number of entries (LIMITS.bibliographyEntries) is counted before any entry is parsed.
 */
import { LIMITS } from '../limits'

/** Largest bibliography file accepted, in bytes (the 1,394-entry Miletus BibTeX file is 0.8 MB). */
export const MAX_BIB_BYTES = LIMITS.bibliographyFile.max

/**
 * Longest value of one field, in code points, after `@string` expansion: far above any real
 * title, abstract or note (the longest Miletus field is under 2,000), far below a memory problem.
 */
export const MAX_FIELD_CHARS = LIMITS.bibliographyField.max

/** Files at least this large are read in a worker thread, with progress and cancel (bytes). */
export const WORKER_BIB_BYTES = 256 * 1024
