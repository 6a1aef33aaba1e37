/**
 * JSON with object keys in sorted order (code unit order), so that the same record always prints as
 * the same line: the layout's files diff by record and field, and equality is a string compare.
 * Array order is kept (it carries meaning: citation links, aliases, document structure).
 */

/** `value` as compact JSON with every object's keys sorted; `undefined` members are dropped as JSON does. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return '[' + value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',') + ']'
  const obj = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(obj).sort()) {
    if (obj[key] === undefined) continue
    parts.push(JSON.stringify(key) + ':' + stableStringify(obj[key]))
  }
  return '{' + parts.join(',') + '}'
}

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  return stableStringify(a) === stableStringify(b)
}

/**
 * A map from id to record built without assignment, so an id such as `__proto__` or `constructor`
 * becomes an own property and never touches the prototype.
 */
export function recordMap<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>
}

/** Own value of `map[key]` (undefined for inherited names such as `constructor`). */
export function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined
}
