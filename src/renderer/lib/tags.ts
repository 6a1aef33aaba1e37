/** Tags as the historian types them: comma-separated. */

/** Splits "a, b ,, c" into ["a", "b", "c"], dropping duplicates. */
export function parseTags(raw: string): string[] {
  return [...new Set(raw.split(',').map((t) => t.trim()).filter(Boolean))]
}
