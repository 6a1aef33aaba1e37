/**
 * JSON.parse for files from disk or other tools: drops `__proto__`, `constructor` and `prototype`
 * keys so a crafted file cannot pollute prototypes of the objects built from it, and strips a BOM.
 */
export function parseJsonSafely(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return JSON.parse(body, (key, value) => (key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value))
}
