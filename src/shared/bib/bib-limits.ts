/**
 * Limits on bibliography files, checked before anything is read or expanded, so a hostile file
 * (a 500-byte `@string` chain that doubles itself twenty times makes a 67 MB title) cannot take
 * the app's memory or time. Defined here until the project-wide src/shared/limits.ts lands; then
 * these names become re-exports of it.
 */

/** Largest bibliography file accepted, in bytes (the 1,394-entry Miletus BibTeX file is 0.8 MB). */
export const MAX_BIB_BYTES = 50 * 1024 * 1024

/**
 * Longest value of one field, in UTF-16 code units, after `@string` expansion: far above any real
 * title, abstract or note (the longest Miletus field is under 2,000), far below a memory problem.
 */
export const MAX_FIELD_CHARS = 65_536

/** Files at least this large are read in a worker thread, with progress and cancel (bytes). */
export const WORKER_BIB_BYTES = 256 * 1024
